package dev.casebook.search;

import static dev.casebook.search.SearchIndexer.TOP_POSTINGS;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
        int n = postings.size;
        int kept = Math.min(n, TOP_POSTINGS);
        // the best TOP_POSTINGS by score, ties by document: all above the kept score at the cut, then
        // as many of those at it as fit, the first documents first (a sort of the scores alone: sorting
        // boxed positions by a comparator was most of the preview's work after an edit at 10,000 articles)
        double cut = Double.NEGATIVE_INFINITY;
        int atCut = 0;
        if (n > TOP_POSTINGS) {
            cut = cut(postings);
            int above = 0;
            for (int i = 0; i < n; i++) {
                if (postings.scores[i] > cut) {
                    above++;
                }
            }
            atCut = TOP_POSTINGS - above;
        }
        varint(out, n);
        varint(out, kept);
        int last = 0;
        for (int i = 0; i < n; i++) {
            double score = postings.scores[i];
            if (n > TOP_POSTINGS && score < cut) {
                continue;
            }
            if (n > TOP_POSTINGS && score == cut) {
                if (atCut == 0) {
                    continue;
                }
                atCut--;
            }
            int id = docs.get(postings.docs[i]).id(); // ids grow with positions
            varint(out, id - last);
            last = id;
            // a score above the largest (a document the preview re-indexed since) keeps the top impact
            out.write(Math.min(255, Math.max(1, (int) Math.round(255 * Math.sqrt(score / max)))));
        }
        return out.toByteArray();
    }

    /** A term that stands for another: its document count, and no postings. */
    static byte[] marker(int df) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, df);
        varint(out, 0);
        return out.toByteArray();
    }

    /** The score of a term's last kept document: the {@code TOP_POSTINGS}-th best (only for a term with more). */
    static double cut(Postings postings) {
        double[] sorted = Arrays.copyOf(postings.scores, postings.size);
        Arrays.sort(sorted);
        return sorted[postings.size - TOP_POSTINGS];
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
