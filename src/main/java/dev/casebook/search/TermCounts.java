package dev.casebook.search;

import static dev.casebook.search.SearchIndexer.WEIGHTS;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What tokenizing each document found, kept between builds beside the parsed documents
 * ({@code --cache DIR}): how often each term occurs in each field. A document whose fields are the
 * same as in an earlier build is not tokenized again; its counts are read back. Entries are found
 * by the SHA-256 of the document's fields; the caller checks that the file was written by the
 * same code (and so the same tokenizer). {@link #write} keeps the entries this
 * build used, in key order, with the terms listed once.
 */
public final class TermCounts {

    /** One document's counts: {@code terms[i]} occurs {@code counts[i]} times in field {@code fields[i]}. */
    record Counted(String[] terms, byte[] fields, int[] counts) {
    }

    /** Takes the count of a term in a field of the document being indexed. */
    interface Sink {
        void add(String term, int field, int count);
    }

    private final Map<String, Counted> stored;
    private final Map<String, Counted> used = new ConcurrentHashMap<>();
    private final AtomicInteger tokenized = new AtomicInteger();
    /**
     * One string per term for the counts this build adds: the tokenizer makes a new string for
     * each occurrence, and 20,000 documents' counts held as many copies of their terms (300 MB).
     */
    private final Map<String, String> spelled = new ConcurrentHashMap<>();
    /** the documents this build counted (two of the same text share one entry of the file) */
    private final AtomicInteger documents = new AtomicInteger();

    private TermCounts(Map<String, Counted> stored) {
        this.stored = stored;
    }

    /** No counts yet: every document is tokenized, and what it gives is kept. */
    public static TermCounts empty() {
        return new TermCounts(Map.of());
    }

    /** How many documents this build indexed, and how many of them had to be tokenized. */
    public String summary() {
        int all = documents.get();
        return "the words of " + (all - tokenized.get()) + " of " + all + " search documents read from it";
    }

    /** The counts of {@code doc}: those an earlier build found, or those found now. */
    void count(SearchIndexer.Doc doc, Sink sink) {
        String[] fields = doc.fields();
        String key = key(fields);
        Counted counted = stored.get(key);
        if (counted == null) {
            counted = tokenize(doc);
            tokenized.incrementAndGet();
        }
        used.put(key, counted);
        documents.incrementAndGet();
        for (int i = 0; i < counted.terms().length; i++) {
            sink.add(counted.terms()[i], counted.fields()[i], counted.counts()[i]);
        }
    }

    private Counted tokenize(SearchIndexer.Doc doc) {
        Map<String, int[]> found = new LinkedHashMap<>();
        SearchIndexer.count(doc, (term, f) -> found.computeIfAbsent(term, t -> new int[WEIGHTS.length])[f]++);
        int n = 0;
        for (int[] perField : found.values()) {
            for (int c : perField) {
                n += c > 0 ? 1 : 0;
            }
        }
        String[] terms = new String[n];
        byte[] fields = new byte[n];
        int[] counts = new int[n];
        int i = 0;
        for (Map.Entry<String, int[]> e : found.entrySet()) {
            for (int f = 0; f < e.getValue().length; f++) {
                if (e.getValue()[f] > 0) {
                    terms[i] = spelled.computeIfAbsent(e.getKey(), t -> t);
                    fields[i] = (byte) f;
                    counts[i++] = e.getValue()[f];
                }
            }
        }
        return new Counted(terms, fields, counts);
    }

    private static String key(String[] fields) {
        MessageDigest sha = SearchIndexer.sha256();
        for (String field : fields) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            int n = bytes.length;
            sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    // ---- the file ----------------------------------------------------------------------------

    /** The entries this build used: every term once, then each document's counts by term number. */
    public void write(DataOutputStream out) throws IOException {
        Map<String, Counted> entries = new TreeMap<>(used);
        Set<String> distinct = new HashSet<>();
        entries.values().forEach(c -> distinct.addAll(Arrays.asList(c.terms())));
        String[] all = distinct.toArray(String[]::new);
        Arrays.sort(all);
        Map<String, Integer> number = new HashMap<>(all.length * 2);
        out.writeInt(all.length);
        for (String term : all) {
            number.put(term, number.size());
            byte[] bytes = term.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        out.writeInt(entries.size());
        for (Map.Entry<String, Counted> e : entries.entrySet()) {
            out.write(HexFormat.of().parseHex(e.getKey()));
            Counted c = e.getValue();
            out.writeInt(c.terms().length);
            for (int i = 0; i < c.terms().length; i++) {
                out.writeInt(number.get(c.terms()[i]));
                out.writeByte(c.fields()[i]);
                out.writeInt(c.counts()[i]);
            }
        }
    }

    /**
     * The counts {@link #write} wrote. A file that does not hold what {@code write} writes is an
     * {@link IOException}.
     */
    public static TermCounts read(DataInputStream in, int maxLength) throws IOException {
        String[] terms = new String[length(in, maxLength)];
        for (int i = 0; i < terms.length; i++) {
            byte[] bytes = new byte[length(in, maxLength)];
            in.readFully(bytes);
            terms[i] = new String(bytes, StandardCharsets.UTF_8);
        }
        int n = length(in, maxLength);
        Map<String, Counted> stored = new HashMap<>(n * 2);
        byte[] key = new byte[32];
        for (int d = 0; d < n; d++) {
            in.readFully(key);
            int size = length(in, maxLength);
            String[] docTerms = new String[size];
            byte[] fields = new byte[size];
            int[] counts = new int[size];
            for (int i = 0; i < size; i++) {
                int term = in.readInt();
                if (term < 0 || term >= terms.length) {
                    throw new IOException("term number " + term + " of " + terms.length);
                }
                docTerms[i] = terms[term];
                fields[i] = in.readByte();
                counts[i] = in.readInt();
                if (fields[i] < 0 || fields[i] >= WEIGHTS.length || counts[i] <= 0) {
                    throw new IOException("field " + fields[i] + ", count " + counts[i]);
                }
            }
            stored.put(HexFormat.of().formatHex(key), new Counted(docTerms, fields, counts));
        }
        return new TermCounts(stored);
    }

    private static int length(DataInputStream in, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("a length of " + n);
        }
        return n;
    }
}
