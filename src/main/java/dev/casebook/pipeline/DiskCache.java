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
import dev.casebook.search.TermCounts;
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
import java.nio.file.LinkOption;
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
 * The build cache folder ({@code --cache DIR}): what one build parsed and tokenized, kept for the
 * next, so that a CI run which restores the folder parses and tokenizes again only the articles
 * that changed. Two files: {@value #PARSED}, each translation's parsed document, found by the
 * SHA-256 of everything a parse reads (the translation's path, the line its body starts on, its
 * body and the callout titles of its language); {@value #TERMS}, each search document's term
 * counts ({@link TermCounts}). Each file starts with a fingerprint of the Casebook code that wrote
 * it: a file written by another build of Casebook, or one that cannot be read, is left aside and
 * written anew. A file holds the entries the last build used, in key order, so the same site gives
 * the same bytes, and is replaced at once (a build stopped halfway leaves the old file).
 */
final class DiskCache {

    static final String PARSED = "parsed.bin";
    static final String TERMS = "terms.bin";
    private static final int PARSED_MAGIC = 0x43425043; // "CBPC"
    private static final int TERMS_MAGIC = 0x43425443; // "CBTC"
    private static final int FORMAT = 1;
    /** no string, list or map in a readable file is longer than this */
    private static final int MAX_LENGTH = 64 * 1024 * 1024;

    private final Path dir;
    private final byte[] code;
    private final Map<String, Document> stored;
    private final Map<String, Document> used = new ConcurrentHashMap<>();
    private final AtomicInteger parsed = new AtomicInteger();
    private final TermCounts terms;
    /** why a file found was left aside, for each file that was */
    private final List<String> leftAside = new ArrayList<>();

    private DiskCache(Path dir, byte[] code) {
        this.dir = dir;
        this.code = code;
        this.stored = read(PARSED, PARSED_MAGIC, in -> entries(in, DiskCache::document, new HashMap<>()), Map.of());
        this.terms = read(TERMS, TERMS_MAGIC, in -> TermCounts.read(in, MAX_LENGTH), TermCounts.empty());
    }

    /**
     * Why {@code dir} cannot hold the cache of a build writing to {@code out}: it is inside the
     * output folder, which every build replaces, or it is a symbolic link (what is read from the
     * cache goes into pages as it is, so it is read only from a folder the builds made).
     */
    static Optional<Diagnostic> refuse(Path dir, Path out) {
        if (dir.toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize())) {
            return Optional.of(Diagnostic.error("config-output", SourcePos.file(dir.toString()),
                    "the cache folder is inside the output folder, which every build replaces",
                    "keep the cache beside the site, e.g. --cache target/cache"));
        }
        if (Files.isSymbolicLink(dir)) {
            return Optional.of(Diagnostic.error("config-output", SourcePos.file(dir.toString()),
                    "the cache folder is a symbolic link; a cache is read only from a folder the builds made",
                    "pass the folder the link points at, or a new one"));
        }
        return Optional.empty();
    }

    /** The cache kept in {@code dir}, empty when the folder or its files do not exist yet. */
    static DiskCache open(Path dir) {
        return new DiskCache(dir, codeFingerprint());
    }

    /** What one file holds after its header. */
    private interface Body<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** A file's entries, or {@code none} when it does not exist or is left aside (and why, then). */
    private <T> T read(String name, int magic, Body<T> body, T none) {
        if (Files.isSymbolicLink(dir.resolve(name))) {
            leftAside.add(name + " is a symbolic link");
            return none;
        }
        try (InputStream in = Files.newInputStream(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
            DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
            if (data.readInt() != magic) {
                leftAside.add(name + " is not a Casebook cache");
                return none;
            }
            int format = data.readInt();
            byte[] written = new byte[code.length];
            data.readFully(written);
            if (format != FORMAT || !Arrays.equals(written, code)) {
                leftAside.add(name + " was written by another build of Casebook");
                return none;
            }
            T value = body.read(data);
            if (data.read() != -1) {
                throw new IOException("bytes after the last entry");
            }
            return value;
        } catch (NoSuchFileException e) {
            return none;
        } catch (IOException | RuntimeException e) {
            leftAside.add(name + " is cut short or damaged");
            return none;
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

    /** The term counts of earlier builds, for this build's search index, which adds its own. */
    TermCounts terms() {
        return terms;
    }

    /**
     * What the summary says about the cache: how much of the work it saved ({@code indexed}: the
     * search index was built), and which file was left aside.
     */
    String note(boolean indexed) {
        int all = used.size();
        StringBuilder note = new StringBuilder(String.format(Locale.ROOT, "cache %s: %d of %d translations read from it, %d parsed",
                dir, all - parsed.get(), all, parsed.get()));
        if (indexed) {
            note.append("; ").append(terms.summary());
        }
        for (String why : leftAside) {
            note.append("; ").append(why).append(", so it was written anew");
        }
        return note.toString();
    }

    /**
     * Writes the entries this build used: the parsed documents, and the term counts when the
     * search index was built ({@code indexed}; a build stopped by errors before it keeps the last counts).
     */
    void save(boolean indexed) {
        write(PARSED, PARSED_MAGIC, out -> entries(out, new TreeMap<>(used), DiskCache::document));
        if (indexed) {
            write(TERMS, TERMS_MAGIC, terms::write);
        }
    }

    /** What one file holds after its header. */
    private interface Writing {
        void write(DataOutputStream out) throws IOException;
    }

    private void write(String name, int magic, Writing body) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, name, ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
                    data.writeInt(magic);
                    data.writeInt(FORMAT);
                    data.write(code);
                    body.write(data);
                    data.flush();
                }
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cache " + file, e);
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
     * A hash of the code that parses and tokenizes: the bytes of the jar Casebook runs from, which
     * holds its libraries (or of every file of its classes folder, when run from a build tree).
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

    /** Writes one value of a map. */
    private interface ValueWriter<V> {
        void write(DataOutputStream out, V value) throws IOException;
    }

    /** A map from strings: its size, then each key and its value, in the map's order. */
    private static <V> void entries(DataOutputStream out, Map<String, V> map, ValueWriter<V> value) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, V> e : map.entrySet()) {
            string(out, e.getKey());
            value.write(out, e.getValue());
        }
    }

    /** What {@link #entries(DataOutputStream, Map, ValueWriter)} wrote, put into {@code into}. */
    private static <V> Map<String, V> entries(DataInputStream in, Body<V> value, Map<String, V> into) throws IOException {
        for (int i = count(in); i > 0; i--) {
            into.put(string(in), value.read(in));
        }
        return into;
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
            entries(out, new TreeMap<>(s.attributes()), DiskCache::string);
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
                entries(out, tab.environment(), DiskCache::string);
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
            Map<String, String> attributes = entries(in, DiskCache::string, new LinkedHashMap<>());
            List<String> flags = new ArrayList<>();
            for (int f = count(in); f > 0; f--) {
                flags.add(string(in));
            }
            String code = string(in);
            SourcePos pos = pos(in);
            SourcePos fence = pos(in);
            Optional<Tab> tab = in.readBoolean()
                    ? Optional.of(new Tab(in.readInt(), in.readInt(), string(in), entries(in, DiskCache::string, new LinkedHashMap<>()), pos(in)))
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
