package dev.casebook.search;

import dev.casebook.content.Article;
import dev.casebook.content.BaseUrl;
import dev.casebook.content.Document;
import dev.casebook.content.Heading;
import dev.casebook.content.Lang;
import dev.casebook.content.Output;
import dev.casebook.content.Routes;
import dev.casebook.content.Snippet;
import dev.casebook.content.Source;
import dev.casebook.content.Translation;
import dev.casebook.diag.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * The search stage: one bilingual index of every translation, written as small files that a
 * browser loads on demand (see {@code design/search.md}).
 *
 * <pre>
 * search/&lt;hash&gt;/manifest.json   documents per language, field weights, first term of each shard
 * search/&lt;hash&gt;/t/&lt;n&gt;.bin       gzip: front-coded sorted terms, df, top postings (doc delta + impact byte)
 * search/&lt;hash&gt;/f/&lt;n&gt;.json      documents n*8..n*8+7: url, title, language, section, headings, text
 * search/search.js               the client, naming the current hash
 * </pre>
 *
 * BM25F (k1 1.2, b 0.75 per field) is computed here into one 8-bit impact per (term, document),
 * square-root scaled against the largest score, so the browser only adds numbers. Documents are
 * numbered language by language, so a document's language is its id range.
 */
public final class SearchIndexer {

    static final double K1 = 1.2;
    static final double B = 0.75;
    /** Field weights: title, errors (front matter and code), headings, body, identifier parts. */
    static final double[] WEIGHTS = {4.5, 3.0, 2.0, 1.0, 0.3};
    static final int TITLE = 0, ERRORS = 1, HEADINGS = 2, BODY = 3, PARTS = 4;
    /** Postings kept per term in its shard; more frequent terms keep their best documents. */
    static final int TOP_POSTINGS = 256;
    static final int SHARD_BYTES = 8 * 1024;
    static final int FRAGMENT_BLOCK = 8;
    static final int MAX_FRAGMENT_TEXT = 24_000;

    /** One indexed document, with what its fragment shows. */
    record Doc(int id, Lang lang, String url, String title, String section, List<Heading> headings, String text,
               String[] fields) {
    }

    /** The files of the index, and its content hash (the folder name). */
    public record Index(String hash, List<Output> files, int documents, int terms, int shards) {
    }

    public Index build(Source source, Map<String, Document> documents, String clientScript) {
        List<Doc> docs = documents(source, documents);
        // term -> per document term frequencies by field
        int n = docs.size();
        double[] avg = new double[WEIGHTS.length];
        int[][] lengths = new int[n][WEIGHTS.length];
        Map<String, Map<Integer, int[]>> tf = new HashMap<>();
        for (Doc d : docs) {
            for (int f = 0; f < PARTS; f++) {
                for (Tokenizer.Token t : Tokenizer.tokenize(d.fields()[f])) {
                    if (t.kind() == 'w' && Tokenizer.isVolatile(t.text()) || t.kind() == 'p' && Tokenizer.isVolatile(t.text())) {
                        continue;
                    }
                    int field = t.kind() == 'p' ? PARTS : f;
                    tf.computeIfAbsent(t.text(), k -> new HashMap<>()).computeIfAbsent(d.id(), k -> new int[WEIGHTS.length])[field]++;
                    lengths[d.id()][field]++;
                }
            }
        }
        for (int f = 0; f < WEIGHTS.length; f++) {
            long sum = 0;
            for (int[] l : lengths) {
                sum += l[f];
            }
            avg[f] = n == 0 ? 1 : Math.max(1.0, (double) sum / n);
        }
        // BM25F scores, then 8-bit impacts against the global maximum
        TreeMap<String, double[][]> scores = new TreeMap<>();
        double max = 0;
        for (Map.Entry<String, Map<Integer, int[]>> term : tf.entrySet()) {
            int df = term.getValue().size();
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            double[][] postings = new double[df][];
            int i = 0;
            for (Map.Entry<Integer, int[]> p : term.getValue().entrySet()) {
                double weighted = 0;
                for (int f = 0; f < WEIGHTS.length; f++) {
                    int count = p.getValue()[f];
                    if (count > 0) {
                        weighted += WEIGHTS[f] * count / (1 - B + B * lengths[p.getKey()][f] / avg[f]);
                    }
                }
                double score = idf * weighted / (K1 + weighted);
                postings[i++] = new double[] {p.getKey(), score};
                max = Math.max(max, score);
            }
            scores.put(term.getKey(), postings);
        }
        List<Output> files = new ArrayList<>();
        List<String> firstTerms = new ArrayList<>();
        ShardWriter shard = new ShardWriter();
        List<byte[]> shards = new ArrayList<>();
        for (Map.Entry<String, double[][]> term : scores.entrySet()) {
            if (shard.isEmpty()) {
                firstTerms.add(term.getKey());
            }
            shard.add(term.getKey(), term.getValue(), max);
            if (shard.size() >= SHARD_BYTES) {
                shards.add(shard.finish());
                shard = new ShardWriter();
            }
        }
        if (!shard.isEmpty()) {
            shards.add(shard.finish());
        }
        List<String> fragments = fragments(docs);
        String manifest = manifest(docs, firstTerms);
        String hash = hash(manifest, shards, fragments);
        String dir = "search/" + hash + "/";
        files.add(new Output.Bytes(dir + "manifest.json", manifest.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < shards.size(); i++) {
            files.add(new Output.Bytes(dir + "t/" + i + ".bin", gzip(shards.get(i))));
        }
        for (int i = 0; i < fragments.size(); i++) {
            files.add(new Output.Bytes(dir + "f/" + i + ".json", fragments.get(i).getBytes(StandardCharsets.UTF_8)));
        }
        files.add(new Output.Bytes("search/search.js",
                clientScript.replace("__CASEBOOK_INDEX__", hash).getBytes(StandardCharsets.UTF_8)));
        return new Index(hash, files, docs.size(), scores.size(), shards.size());
    }

    private static List<Doc> documents(Source source, Map<String, Document> documents) {
        BaseUrl base = source.config().baseUrl();
        List<Doc> docs = new ArrayList<>();
        for (Lang lang : source.config().languages()) {
            for (Article a : source.articles()) {
                a.translation(lang).ifPresent(t -> {
                    Document doc = documents.get(t.path());
                    String[] fields = new String[PARTS];
                    fields[TITLE] = t.title();
                    StringBuilder errors = new StringBuilder(String.join("\n", a.facts().errors()));
                    for (Snippet s : doc.snippets()) {
                        errors.append('\n').append(s.code());
                    }
                    fields[ERRORS] = errors.toString();
                    fields[HEADINGS] = String.join("\n", doc.headings().stream().map(Heading::text).toList());
                    fields[BODY] = t.summary() + "\n" + doc.text();
                    docs.add(new Doc(docs.size(), lang, base.url(Routes.article(lang, a)), t.title(),
                            source.config().sectionTitle(a.section(), lang), doc.headings(), doc.text(), fields));
                });
            }
        }
        return docs;
    }

    private static String manifest(List<Doc> docs, List<String> firstTerms) {
        StringBuilder m = new StringBuilder("{\"v\":1,\"tokenizer\":").append(Tokenizer.VERSION)
                .append(",\"docs\":").append(docs.size()).append(",\"block\":").append(FRAGMENT_BLOCK).append(",\"langs\":[");
        Lang current = null;
        int start = 0;
        for (int i = 0; i <= docs.size(); i++) {
            Lang lang = i < docs.size() ? docs.get(i).lang() : null;
            if (current != null && !current.equals(lang)) {
                m.append(m.charAt(m.length() - 1) == '[' ? "" : ",").append("[").append(Json.string(current.code()))
                        .append(",").append(start).append(",").append(i).append("]");
                start = i;
            }
            current = lang;
        }
        m.append("],\"shards\":[");
        for (int i = 0; i < firstTerms.size(); i++) {
            m.append(i == 0 ? "" : ",").append(Json.string(firstTerms.get(i)));
        }
        return m.append("]}").toString();
    }

    private static List<String> fragments(List<Doc> docs) {
        List<String> blocks = new ArrayList<>();
        for (int start = 0; start < docs.size(); start += FRAGMENT_BLOCK) {
            StringBuilder b = new StringBuilder("[");
            for (int i = start; i < Math.min(docs.size(), start + FRAGMENT_BLOCK); i++) {
                Doc d = docs.get(i);
                String text = d.text().length() > MAX_FRAGMENT_TEXT ? d.text().substring(0, MAX_FRAGMENT_TEXT) : d.text();
                b.append(i == start ? "" : ",").append("{\"u\":").append(Json.string(d.url()))
                        .append(",\"t\":").append(Json.string(d.title()))
                        .append(",\"l\":").append(Json.string(d.lang().code()))
                        .append(",\"s\":").append(Json.string(d.section()))
                        .append(",\"h\":[");
                int from = 0;
                boolean first = true;
                for (Heading h : d.headings()) {
                    int at = text.indexOf(h.text(), from);
                    if (at < 0) {
                        continue;
                    }
                    from = at + h.text().length();
                    b.append(first ? "" : ",").append("[").append(Json.string(h.id())).append(",").append(at).append("]");
                    first = false;
                }
                b.append("],\"x\":").append(Json.string(text)).append("}");
            }
            blocks.add(b.append("]").toString());
        }
        return blocks;
    }

    /** Writes one shard: front-coded terms with their postings, in term order. */
    private static final class ShardWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private byte[] previous = new byte[0];
        private int count;

        boolean isEmpty() {
            return count == 0;
        }

        int size() {
            return out.size();
        }

        void add(String term, double[][] postings, double max) {
            byte[] bytes = term.getBytes(StandardCharsets.UTF_8);
            int shared = 0;
            while (shared < Math.min(bytes.length, previous.length) && bytes[shared] == previous[shared]) {
                shared++;
            }
            varint(shared);
            varint(bytes.length - shared);
            out.write(bytes, shared, bytes.length - shared);
            // the best postings by score, then by document id for delta coding
            double[][] kept = postings.clone();
            Arrays.sort(kept, Comparator.<double[]>comparingDouble(p -> -p[1]).thenComparingDouble(p -> p[0]));
            kept = Arrays.copyOf(kept, Math.min(kept.length, TOP_POSTINGS));
            Arrays.sort(kept, Comparator.comparingDouble(p -> p[0]));
            varint(postings.length);
            varint(kept.length);
            int last = 0;
            for (double[] p : kept) {
                int doc = (int) p[0];
                varint(doc - last);
                last = doc;
                out.write(Math.max(1, (int) Math.round(255 * Math.sqrt(p[1] / max))));
            }
            previous = bytes;
            count++;
        }

        byte[] finish() {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            int c = count;
            do {
                int b = c & 0x7F;
                c >>>= 7;
                whole.write(c == 0 ? b : b | 0x80);
            } while (c != 0);
            whole.writeBytes(out.toByteArray());
            return whole.toByteArray();
        }

        private void varint(int v) {
            int value = v;
            do {
                int b = value & 0x7F;
                value >>>= 7;
                out.write(value == 0 ? b : b | 0x80);
            } while (value != 0);
        }
    }

    private static byte[] gzip(byte[] raw) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(raw);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(String manifest, List<byte[]> shards, List<String> fragments) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(manifest.getBytes(StandardCharsets.UTF_8));
            shards.forEach(md::update);
            fragments.forEach(f -> md.update(f.getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md.digest(), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
