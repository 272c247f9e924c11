package dev.casebook.pipeline;

import dev.casebook.content.Document;
import dev.casebook.content.Heading;
import dev.casebook.content.Link;
import dev.casebook.content.Snippet;
import dev.casebook.content.Tab;
import dev.casebook.content.Translation;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Severity;
import dev.casebook.diag.SourcePos;
import dev.casebook.parse.MarkdownParser;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The parsed documents of the last build, kept in a file between builds ({@code --cache DIR}), so
 * that a CI run which restores the folder parses again only the translations whose Markdown
 * changed. An entry is found by the SHA-256 of everything a parse reads (the translation's path,
 * the line its body starts on, its body and the callout titles of its language) and holds only for
 * the Casebook code that wrote it: the file starts with a fingerprint of that code, and a file
 * written by another build of Casebook, or one that cannot be read, is left aside and written anew.
 * The file holds the entries the last build used, in key order: the same site gives the same bytes.
 */
final class ParseCache {

    static final String FILE = "parsed.bin";
    private static final int MAGIC = 0x43425043; // "CBPC"
    private static final int FORMAT = 1;
    /** no string, list or map in a readable file is longer than this */
    private static final int MAX_LENGTH = 64 * 1024 * 1024;

    private final Path dir;
    private final byte[] code;
    private final Map<String, Document> stored;
    private final Map<String, Document> used = new ConcurrentHashMap<>();
    private final AtomicInteger parsed = new AtomicInteger();
    /** why the file found was left aside, if it was */
    private final Optional<String> leftAside;

    private ParseCache(Path dir, byte[] code, Map<String, Document> stored, Optional<String> leftAside) {
        this.dir = dir;
        this.code = code;
        this.stored = stored;
        this.leftAside = leftAside;
    }

    /** The cache kept in {@code dir}, empty when the folder or its file does not exist yet. */
    static ParseCache open(Path dir) {
        byte[] code = codeFingerprint();
        Path file = dir.resolve(FILE);
        try (InputStream in = Files.newInputStream(file)) {
            return new ParseCache(dir, code, read(new DataInputStream(new BufferedInputStream(in, 1 << 16)), code), Optional.empty());
        } catch (NoSuchFileException e) {
            return new ParseCache(dir, code, Map.of(), Optional.empty());
        } catch (LeftAside e) {
            return new ParseCache(dir, code, Map.of(), Optional.of(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            return new ParseCache(dir, code, Map.of(), Optional.of("is cut short or damaged"));
        }
    }

    /** The document of {@code t} as an earlier build parsed it, or as {@code work} parses it now. */
    Document parse(Translation t, Map<String, String> calloutTitles, Supplier<Document> work) {
        String key = key(t, calloutTitles);
        Document doc = stored.get(key);
        if (doc == null) {
            doc = work.get();
            parsed.incrementAndGet();
        }
        used.put(key, doc);
        return doc;
    }

    /** What the summary says about the cache: how many translations it gave, and why a file was left aside. */
    String note() {
        int all = used.size();
        String found = String.format(Locale.ROOT, "cache %s: %d of %d translations read from it, %d parsed",
                dir, all - parsed.get(), all, parsed.get());
        return leftAside.map(why -> found + "; the file found " + why + ", so it was written anew").orElse(found);
    }

    /** Writes the entries this build used, replacing the file at once (a build stopped halfway leaves the old file). */
    void save() {
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, FILE, ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
                    write(data, new TreeMap<>(used));
                    data.flush();
                }
                try {
                    Files.move(temp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cache " + dir.resolve(FILE), e);
        }
    }

    // ---- keys and the code's fingerprint -----------------------------------------------------

    private static String key(Translation t, Map<String, String> calloutTitles) {
        MessageDigest sha = sha256();
        update(sha, t.path());
        update(sha, Integer.toString(t.bodyLine()));
        new TreeMap<>(calloutTitles).forEach((kind, title) -> {
            update(sha, kind);
            update(sha, title);
        });
        update(sha, t.body());
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Each part with its length first, so that no two different lists of parts hash alike. */
    private static void update(MessageDigest sha, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        sha.update(bytes);
    }

    /**
     * A hash of the code that parses: the bytes of the jar Casebook runs from (or of every file of
     * its classes folder, when run from a build tree), and where flexmark was loaded from.
     */
    private static byte[] codeFingerprint() {
        MessageDigest sha = sha256();
        try {
            Path own = location(MarkdownParser.class.getProtectionDomain().getCodeSource());
            if (Files.isDirectory(own)) {
                try (Stream<Path> files = Files.walk(own)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        update(sha, own.relativize(f).toString());
                        sha.update(Files.readAllBytes(f));
                    }
                }
            } else {
                sha.update(Files.readAllBytes(own));
            }
            update(sha, String.valueOf(com.vladsch.flexmark.util.ast.Node.class.getProtectionDomain().getCodeSource().getLocation()));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // code of unknown origin: a fingerprint no file has, so nothing is reused
            update(sha, "unknown " + System.nanoTime());
        }
        return sha.digest();
    }

    private static Path location(CodeSource source) throws URISyntaxException {
        return Path.of(source.getLocation().toURI());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    // ---- the file ----------------------------------------------------------------------------

    /** A file that is readable but not to be used: not a cache, or one written by other code. */
    private static final class LeftAside extends Exception {
        private static final long serialVersionUID = 1L;

        LeftAside(String why) {
            super(why, null, false, false);
        }
    }

    private void write(DataOutputStream out, Map<String, Document> entries) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.write(code);
        out.writeInt(entries.size());
        for (Map.Entry<String, Document> e : entries.entrySet()) {
            string(out, e.getKey());
            document(out, e.getValue());
        }
    }

    private static Map<String, Document> read(DataInputStream in, byte[] code) throws IOException, LeftAside {
        if (in.readInt() != MAGIC) {
            throw new LeftAside("is not a Casebook cache");
        }
        int format = in.readInt();
        byte[] written = new byte[code.length];
        in.readFully(written);
        if (format != FORMAT || !Arrays.equals(written, code)) {
            throw new LeftAside("was written by another build of Casebook");
        }
        int n = count(in);
        Map<String, Document> entries = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            entries.put(string(in), document(in));
        }
        if (in.read() != -1) {
            throw new IOException("bytes after the last entry");
        }
        return entries;
    }

    private static void document(DataOutputStream out, Document doc) throws IOException {
        string(out, doc.html());
        out.writeInt(doc.headings().size());
        for (Heading h : doc.headings()) {
            out.writeInt(h.level());
            string(out, h.text());
            string(out, h.id());
            pos(out, h.pos());
        }
        out.writeInt(doc.links().size());
        for (Link l : doc.links()) {
            string(out, l.target());
            out.writeBoolean(l.image());
            pos(out, l.pos());
        }
        out.writeInt(doc.snippets().size());
        for (Snippet s : doc.snippets()) {
            string(out, s.language());
            map(out, new TreeMap<>(s.attributes()));
            out.writeInt(s.flags().size());
            for (String flag : s.flags()) {
                string(out, flag);
            }
            string(out, s.code());
            pos(out, s.pos());
            pos(out, s.fence());
            out.writeBoolean(s.tab().isPresent());
            if (s.tab().isPresent()) {
                Tab tab = s.tab().get();
                out.writeInt(tab.set());
                out.writeInt(tab.index());
                string(out, tab.label());
                map(out, tab.environment());
                pos(out, tab.pos());
            }
        }
        string(out, doc.text());
        out.writeInt(doc.problems().size());
        for (Diagnostic d : doc.problems()) {
            out.writeByte(d.severity().ordinal());
            string(out, d.id());
            pos(out, d.pos());
            string(out, d.message());
            string(out, d.hint());
        }
    }

    private static Document document(DataInputStream in) throws IOException {
        String html = string(in);
        List<Heading> headings = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            headings.add(new Heading(in.readInt(), string(in), string(in), pos(in)));
        }
        List<Link> links = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            links.add(new Link(string(in), in.readBoolean(), pos(in)));
        }
        List<Snippet> snippets = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            String language = string(in);
            Map<String, String> attributes = map(in);
            List<String> flags = new ArrayList<>();
            for (int f = count(in); f > 0; f--) {
                flags.add(string(in));
            }
            String code = string(in);
            SourcePos pos = pos(in);
            SourcePos fence = pos(in);
            Optional<Tab> tab = in.readBoolean()
                    ? Optional.of(new Tab(in.readInt(), in.readInt(), string(in), map(in), pos(in)))
                    : Optional.empty();
            snippets.add(new Snippet(language, attributes, flags, code, pos, fence, tab));
        }
        String text = string(in);
        List<Diagnostic> problems = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            Severity severity = Severity.values()[in.readUnsignedByte()];
            problems.add(new Diagnostic(severity, string(in), pos(in), string(in), string(in)));
        }
        return new Document(html, headings, links, snippets, text, problems);
    }

    private static void pos(DataOutputStream out, SourcePos pos) throws IOException {
        string(out, pos.path());
        out.writeInt(pos.line());
        out.writeInt(pos.column());
    }

    private static SourcePos pos(DataInputStream in) throws IOException {
        return new SourcePos(string(in), in.readInt(), in.readInt());
    }

    private static void map(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            string(out, e.getKey());
            string(out, e.getValue());
        }
    }

    private static Map<String, String> map(DataInputStream in) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = count(in); i > 0; i--) {
            map.put(string(in), string(in));
        }
        return map;
    }

    /** A string, or null (a length of -1). */
    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        byte[] bytes = new byte[checked(n)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        return checked(in.readInt());
    }

    private static int checked(int n) throws IOException {
        if (n < 0 || n > MAX_LENGTH) {
            throw new IOException("a length of " + n);
        }
        return n;
    }
}
