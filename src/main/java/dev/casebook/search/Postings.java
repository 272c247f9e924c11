package dev.casebook.search;

import static dev.casebook.search.SearchIndexer.B;
import static dev.casebook.search.SearchIndexer.ERRORS;
import static dev.casebook.search.SearchIndexer.HEADINGS;
import static dev.casebook.search.SearchIndexer.K1;
import static dev.casebook.search.SearchIndexer.NAMED_PRIOR;
import static dev.casebook.search.SearchIndexer.TITLE;
import static dev.casebook.search.SearchIndexer.TITLE_PRIOR;
import static dev.casebook.search.SearchIndexer.WEIGHTS;

import java.util.Arrays;
import java.util.List;

/**
 * The documents of one term in position order: while counting, with term frequencies per field
 * packed in a char array; once scored, with the BM25F score of each. The preview's
 * {@link LiveIndex} keeps them scored and moves one document in or out after an edit.
 */
final class Postings {
    /** positions of the documents in the index's document list, ascending */
    int[] docs = new int[2];
    char[] tf = new char[2 * WEIGHTS.length];
    double[] scores;
    int size;

    /** {@code times} more occurrences in field {@code f} of document {@code doc}, which is this term's last or a later one. */
    void count(int doc, int f, int times) {
        if (size == 0 || docs[size - 1] != doc) {
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, size * 2);
                tf = Arrays.copyOf(tf, size * 2 * WEIGHTS.length);
            }
            docs[size++] = doc;
        }
        int at = (size - 1) * WEIGHTS.length + f;
        tf[at] = (char) Math.min(Character.MAX_VALUE, tf[at] + times);
    }

    /** The postings of {@code pieces} one after the other; each piece's documents come after the previous one's. */
    static Postings join(List<Postings> pieces) {
        Postings joined = new Postings();
        int total = 0;
        for (Postings p : pieces) {
            total += p.size;
        }
        joined.docs = new int[total];
        joined.tf = new char[total * WEIGHTS.length];
        for (Postings p : pieces) {
            System.arraycopy(p.docs, 0, joined.docs, joined.size, p.size);
            System.arraycopy(p.tf, 0, joined.tf, joined.size * WEIGHTS.length, p.size * WEIGHTS.length);
            joined.size += p.size;
        }
        return joined;
    }

    /** The inverse document frequency of a term found in {@code df} of {@code n} documents. */
    static double idf(int n, int df) {
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /** Computes the BM25F score of every posting and returns the largest. */
    double score(int n, int[][] lengths, double[] avg) {
        double idf = idf(n, size);
        scores = new double[size];
        double max = 0;
        for (int i = 0; i < size; i++) {
            scores[i] = score(tf, i * WEIGHTS.length, lengths[docs[i]], avg, idf);
            max = Math.max(max, scores[i]);
        }
        tf = null; // no longer needed
        return max;
    }

    /**
     * BM25F of one document for one term: its frequencies per field are {@code tf[at..at+6)}, its field
     * lengths {@code length}.
     */
    static double score(char[] tf, int at, int[] length, double[] avg, double idf) {
        double weighted = 0;
        for (int f = 0; f < WEIGHTS.length; f++) {
            int count = tf[at + f];
            if (count > 0) {
                weighted += WEIGHTS[f] * count / (1 - B + B * length[f] / avg[f]);
            }
        }
        // a field prior past BM25F's saturation: the words of a title, an error string or a heading
        // name what the article is about; the same word in a config block is incidental
        double prior = tf[at + TITLE] > 0 ? TITLE_PRIOR
                : tf[at + ERRORS] > 0 || tf[at + HEADINGS] > 0 ? NAMED_PRIOR : 1;
        return prior * idf * weighted / (K1 + weighted);
    }

    /** Scored postings: puts {@code doc} in with {@code score}, or replaces its score. */
    void put(int doc, double score) {
        int at = Arrays.binarySearch(docs, 0, size, doc);
        if (at >= 0) {
            scores[at] = score;
            return;
        }
        int insert = -at - 1;
        if (size == docs.length || scores == null || size == scores.length) {
            int capacity = Math.max(2, size * 2);
            docs = Arrays.copyOf(docs, capacity);
            scores = Arrays.copyOf(scores == null ? new double[0] : scores, capacity);
        }
        System.arraycopy(docs, insert, docs, insert + 1, size - insert);
        System.arraycopy(scores, insert, scores, insert + 1, size - insert);
        docs[insert] = doc;
        scores[insert] = score;
        size++;
    }

    /** Scored postings: the score of {@code doc}, NaN when it is not in. */
    double scoreOf(int doc) {
        int at = Arrays.binarySearch(docs, 0, size, doc);
        return at < 0 ? Double.NaN : scores[at];
    }

    /** Scored postings: takes {@code doc} out; false when it was not in. */
    boolean remove(int doc) {
        int at = Arrays.binarySearch(docs, 0, size, doc);
        if (at < 0) {
            return false;
        }
        System.arraycopy(docs, at + 1, docs, at, size - at - 1);
        System.arraycopy(scores, at + 1, scores, at, size - at - 1);
        size--;
        return true;
    }
}
