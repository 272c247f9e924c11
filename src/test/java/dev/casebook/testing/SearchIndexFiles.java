package dev.casebook.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * A built search index read back, for tests that compare two indexes by what they hold rather than
 * by their bytes: every term with its document frequency and the ids of its documents (impacts
 * apart), every fragment's JSON, and the manifest without its list of shards (where the shards
 * are cut depends on the order in which terms arrived).
 */
public record SearchIndexFiles(Map<String, String> postings, Map<String, String> fragments, String manifest) {

    /** Reads the index among {@code files} (path to bytes as ISO-8859-1 text, as the preview tests keep them). */
    public static SearchIndexFiles of(Map<String, String> files) {
        Map<String, String> postings = new TreeMap<>();
        Map<String, String> fragments = new TreeMap<>();
        String manifest = "";
        for (Map.Entry<String, String> e : files.entrySet()) {
            String path = e.getKey();
            if (!path.startsWith("search/") || path.equals("search/search.js")) {
                continue;
            }
            byte[] bytes = e.getValue().getBytes(StandardCharsets.ISO_8859_1);
            String name = path.substring(path.indexOf('/', "search/".length()) + 1);
            if (name.equals("manifest.json")) {
                manifest = new String(bytes, StandardCharsets.UTF_8).replaceAll("\"shards\":\"(?:[^\"\\\\]|\\\\.)*\"", "\"shards\":…");
            } else if (name.startsWith("f/")) {
                fragments.put(name, new String(gunzip(bytes), StandardCharsets.UTF_8));
            } else if (name.startsWith("t/")) {
                readShard(gunzip(bytes), postings);
            }
        }
        return new SearchIndexFiles(postings, fragments, manifest);
    }

    /** The impacts of {@code term}'s documents, by id, as its shard among {@code files} holds them. */
    public static Map<Integer, Integer> impacts(Map<String, String> files, String term) {
        Map<Integer, Integer> out = new TreeMap<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            if (e.getKey().matches("search/[^/]+/t/\\d+/\\d+\\.bin")) {
                readShard(gunzip(e.getValue().getBytes(StandardCharsets.ISO_8859_1)), (t, df, docs, impacts) -> {
                    if (t.equals(term)) {
                        for (int k = 0; k < docs.size(); k++) {
                            out.put(docs.get(k), impacts.get(k));
                        }
                    }
                });
            }
        }
        return out;
    }

    /** One term of a shard: its document count, and the ids and impacts of the documents kept. */
    private interface TermVisitor {
        void visit(String term, int df, List<Integer> docs, List<Integer> impacts);
    }

    private static void readShard(byte[] raw, Map<String, String> postings) {
        readShard(raw, (term, df, docs, impacts) -> postings.put(term, df + " " + docs));
    }

    /** Reads a shard: front-coded terms, each with its document count and its kept postings (id delta, impact byte). */
    private static void readShard(byte[] raw, TermVisitor visitor) {
        int[] at = {0};
        int count = varint(raw, at);
        byte[] previous = new byte[0];
        for (int i = 0; i < count; i++) {
            int shared = varint(raw, at);
            int rest = varint(raw, at);
            byte[] term = new byte[shared + rest];
            System.arraycopy(previous, 0, term, 0, shared);
            System.arraycopy(raw, at[0], term, shared, rest);
            at[0] += rest;
            previous = term;
            int df = varint(raw, at);
            int kept = varint(raw, at);
            List<Integer> docs = new ArrayList<>();
            List<Integer> impacts = new ArrayList<>();
            int doc = 0;
            for (int k = 0; k < kept; k++) {
                doc += varint(raw, at);
                docs.add(doc);
                impacts.add(raw[at[0]++] & 0xFF);
            }
            visitor.visit(new String(term, StandardCharsets.UTF_8), df, docs, impacts);
        }
    }

    private static int varint(byte[] raw, int[] at) {
        int value = 0;
        int shift = 0;
        while (true) {
            int b = raw[at[0]++] & 0xFF;
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
        }
    }

    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
