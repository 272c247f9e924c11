package dev.casebook.search;

import static dev.casebook.search.SearchIndexer.TOP_POSTINGS;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Writes one shard of the index: front-coded terms with their postings, in term order. */
final class ShardWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private byte[] previous = new byte[0];
    private int count;

    boolean isEmpty() {
        return count == 0;
    }

    int size() {
        return out.size();
    }

    void add(String term, byte[] postings) {
        byte[] bytes = term.getBytes(StandardCharsets.UTF_8);
        int shared = 0;
        while (shared < Math.min(bytes.length, previous.length) && bytes[shared] == previous[shared]) {
            shared++;
        }
        varint(out, shared);
        varint(out, bytes.length - shared);
        out.write(bytes, shared, bytes.length - shared);
        out.writeBytes(postings);
        previous = bytes;
        count++;
    }

    /** One term's postings: the best by score (ties by document), written in document order for delta coding. */
    static byte[] postings(Postings postings, double max, List<SearchIndexer.Doc> docs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Integer[] order = new Integer[postings.size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> postings.scores[a] != postings.scores[b]
                ? Double.compare(postings.scores[b], postings.scores[a]) : Integer.compare(postings.docs[a], postings.docs[b]));
        int kept = Math.min(order.length, TOP_POSTINGS);
        Integer[] top = Arrays.copyOf(order, kept);
        Arrays.sort(top, Comparator.comparingInt(i -> postings.docs[i]));
        varint(out, postings.size);
        varint(out, kept);
        int last = 0;
        for (int i : top) {
            int id = docs.get(postings.docs[i]).id(); // ids grow with positions
            varint(out, id - last);
            last = id;
            // a score above the largest (a document the preview re-indexed since) keeps the top impact
            out.write(Math.min(255, Math.max(1, (int) Math.round(255 * Math.sqrt(postings.scores[i] / max)))));
        }
        return out.toByteArray();
    }

    /** The shard: its term count, then the terms. */
    byte[] finish() {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        varint(whole, count);
        whole.writeBytes(out.toByteArray());
        return whole.toByteArray();
    }

    /** LEB128: seven bits a byte, low bits first, high bit set on all but the last byte. */
    private static void varint(ByteArrayOutputStream to, int v) {
        int value = v;
        do {
            int b = value & 0x7F;
            value >>>= 7;
            to.write(value == 0 ? b : b | 0x80);
        } while (value != 0);
    }
}
