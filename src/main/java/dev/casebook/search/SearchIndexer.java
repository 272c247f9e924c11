package dev.casebook.search;

import dev.casebook.content.Article;
import dev.casebook.content.BaseUrl;
import dev.casebook.content.Document;
import dev.casebook.content.Heading;
import dev.casebook.content.Lang;
import dev.casebook.content.Output;
import dev.casebook.content.Routes;
import dev.casebook.content.Snippet;
import dev.casebook.content.SiteContent;
import dev.casebook.diag.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/**
 * The search stage: one bilingual index of every translation, written as small files that a
 * browser loads on demand (see {@code design/search.md}).
 *
 * <pre>
 * search/&lt;hash&gt;/manifest.json   documents per language, synonym sets, each shard's first term (front-coded)
 * search/&lt;hash&gt;/t/&lt;n/16&gt;/&lt;n&gt;.bin  gzip: front-coded sorted terms, df, top postings (doc delta + impact byte)
 * search/&lt;hash&gt;/f/&lt;n/16&gt;/&lt;n&gt;.bin  gzip JSON of block n of {@link #FRAGMENT_BLOCK} documents (cards): url, title, language, section, headings, summary and error strings
 * search/search.js               the client, naming the current hash
 * </pre>
 *
 * BM25F (k1 1.2, b 0.75 per field) is computed here into one 8-bit impact per (term, document),
 * square-root scaled against the largest score, so the browser only adds numbers. A document's id
 * is {@code language * articles + article}: its language is its id range, and the translations of
 * one article are {@code articles} apart, so the client groups results per article and shows the
 * reader's language without a table (a missing translation leaves an unused id). Each fragment
 * lists the article's other translations.
 */
public final class SearchIndexer {

    static final double K1 = 1.2;
    static final double B = 0.75;
    /** Field weights: title, error strings (front matter), headings, body, code blocks, identifier parts. */
    static final double[] WEIGHTS = {4.5, 3.0, 2.0, 1.0, 1.0, 0.3};
    static final int TITLE = 0, ERRORS = 1, HEADINGS = 2, BODY = 3, CODE = 4, PARTS = 5;
    /** Score factors for a term in the title, and in an error string or a heading (see {@link Postings#score}). */
    static final double TITLE_PRIOR = 1.6, NAMED_PRIOR = 1.25;
    /** Postings kept per term in its shard; more frequent terms keep their best documents. */
    static final int TOP_POSTINGS = 256;
    /**
     * Raw bytes of term data per shard. A query downloads one whole shard per term, and the manifest every query
     * loads names the first term of each shard: smaller shards cost less per term and more in the manifest. The
     * size is chosen by the first-query bytes {@code bench/search-bench.sh} measures (see docs/performance.md).
     */
    static final int SHARD_BYTES = 2 * 1024;
    /**
     * Documents per fragment file, by id. One, the card alone: a first query downloads the card of
     * each result, and the reader's 20 KB (median at 10,000 articles) leave no room for neighbours:
     * with four a file the median was 22.2 KB, with two 20.1, with one 18.8 (bench/search-bench.sh).
     */
    static final int FRAGMENT_BLOCK = 1;
    /**
     * Shards and fragments per folder at most. On ext4 without a journal (the benchmark machine's
     * disk), each new file's inode is sought in its folder's block group past every inode freed in
     * the last minutes, so thousands of files in one folder written after a previous site was
     * removed cost seconds: 2,000 small files took 1.6 s in one folder and 0.25 to 0.4 s in folders
     * of 16, which the file system spreads over its groups (bench/README.md).
     */
    static final int FOLDER = 16;
    /** Characters of a fragment's text at most: the summary and error strings, then as many headings as fit. */
    static final int MAX_FRAGMENT_TEXT = 2_000;

    /** One indexed document, with what its fragment shows; {@code others} are the article's other translations. */
    record Doc(int id, Lang lang, String url, String title, String summary, String section, List<Heading> headings,
               String text, List<String> errors, List<Snippet> snippets, List<String[]> others) {

        /** The text of each field, built only while the document is tokenized. */
        String[] fields() {
            String[] fields = new String[PARTS];
            fields[TITLE] = title;
            fields[ERRORS] = String.join("\n", errors);
            StringBuilder code = new StringBuilder();
            for (Snippet s : snippets) {
                code.append(s.code()).append('\n');
            }
            fields[CODE] = code.toString();
            fields[HEADINGS] = String.join("\n", headings.stream().map(Heading::text).toList());
            fields[BODY] = summary + "\n" + text;
            return fields;
        }
    }

    /** The files of the index, and its content hash (the folder name). */
    public record Index(String hash, List<Output> files, int documents, int terms, int shards) {
    }

    /**
     * The preview rebuilds the index in the background and interrupts a build that a newer edit
     * made stale; the work done for it on other threads asks the thread that asked for the index.
     */
    static void stopIfInterrupted(Thread caller) {
        if (caller.isInterrupted()) {
            throw new CancellationException("search index no longer needed");
        }
    }

    public Index build(SiteContent source, Map<String, Document> documents, String clientScript) {
        return build(source, documents, clientScript, null, null);
    }

    /** The index, tokenizing only the documents {@code counts} does not already have (and keeping what it finds there). */
    public Index build(SiteContent source, Map<String, Document> documents, String clientScript, TermCounts counts) {
        return build(source, documents, clientScript, counts, null);
    }

    /**
     * What the preview's {@link LiveIndex} keeps of a whole build to follow edits: the scored
     * postings of every term (positions into {@code docs}), the field lengths and their averages,
     * the largest score, each term's encoded postings and the shards as cut.
     */
    record Kept(List<Doc> docs, int[][] lengths, double[] avg, double max, Map<String, Postings> postings,
                Map<String, byte[]> encoded, List<String> firstTerms, List<byte[]> shards, List<byte[]> fragments) {
    }

    /** The index; {@code keep}, when given, receives what a {@link LiveIndex} needs to follow edits. */
    Index build(SiteContent source, Map<String, Document> documents, String clientScript, TermCounts counts,
                Consumer<Kept> keep) {
        List<Doc> docs = documents(source, documents);
        int n = docs.size();
        int articles = source.articles().size();
        int[][] lengths = new int[n][WEIGHTS.length];
        // documents are tokenized in parallel, a run of consecutive positions per task, each into
        // postings of its own; the runs are then joined in position order, so every term's
        // documents come out in id order whatever thread did what
        Thread caller = Thread.currentThread();
        int run = Math.max(16, Math.min(256, n / 8)); // several runs even for a small site, so tests see the joining
        List<Map<String, Postings>> runs = IntStream.range(0, (n + run - 1) / run).parallel()
                .mapToObj(r -> {
                    Map<String, Postings> local = new HashMap<>();
                    for (int id = r * run; id < Math.min(n, (r + 1) * run); id++) {
                        if ((id & 63) == 0) {
                            stopIfInterrupted(caller);
                        }
                        int doc = id;
                        int[] length = lengths[id];
                        if (counts == null) {
                            count(docs.get(id), (term, f) -> {
                                local.computeIfAbsent(term, t -> new Postings()).count(doc, f, 1);
                                length[f]++;
                            });
                        } else {
                            counts.count(docs.get(id), (term, f, times) -> {
                                local.computeIfAbsent(term, t -> new Postings()).count(doc, f, times);
                                length[f] += times;
                            });
                        }
                    }
                    return local;
                }).toList();
        stopIfInterrupted(caller);
        // each term's pieces, in run order, joined once into arrays of the exact size (appending
        // run by run copied a frequent term's postings once per run: quadratic at 30,000 articles)
        Map<String, List<Postings>> pieces = new HashMap<>();
        for (Map<String, Postings> local : runs) {
            local.forEach((term, p) -> pieces.computeIfAbsent(term, t -> new ArrayList<>(2)).add(p));
        }
        Map<String, Postings> postings = new ConcurrentHashMap<>(pieces.size() * 2);
        pieces.entrySet().parallelStream().forEach(e -> postings.put(e.getKey(), Postings.join(e.getValue())));
        pieces.clear();
        double[] avg = new double[WEIGHTS.length];
        for (int f = 0; f < WEIGHTS.length; f++) {
            long sum = 0;
            for (int[] l : lengths) {
                sum += l[f];
            }
            avg[f] = n == 0 ? 1 : Math.max(1.0, (double) sum / n);
        }
        // BM25F per (term, document); impacts are scaled against the largest score of the index
        List<String> terms = new ArrayList<>(postings.keySet());
        terms.sort(null);
        double max = terms.parallelStream().mapToDouble(t -> {
            stopIfInterrupted(caller);
            return postings.get(t).score(n, lengths, avg);
        }).max().orElse(0);
        // each term's postings are encoded in parallel; the shards are cut in term order, then compressed
        double top = max;
        List<byte[]> postingBytes = terms.parallelStream().map(t -> ShardWriter.postings(postings.get(t), top, docs)).toList();
        // every Chinese word of two characters also under its second character (see reversed): the client
        // finds a word with a wrong first character among those that end like it
        TreeMap<String, byte[]> encodedByTerm = new TreeMap<>();
        for (int i = 0; i < terms.size(); i++) {
            encodedByTerm.put(terms.get(i), postingBytes.get(i));
            reversed(terms.get(i)).ifPresent(r -> encodedByTerm.put(r, ShardWriter.marker(postings.get(unreversed(r)).size)));
        }
        if (keep == null) {
            postings.clear(); // the memory goes to the fragments
        }
        List<String> firstTerms = new ArrayList<>();
        List<byte[]> raw = new ArrayList<>();
        ShardWriter shard = new ShardWriter();
        for (Map.Entry<String, byte[]> term : encodedByTerm.entrySet()) {
            if (shard.isEmpty()) {
                firstTerms.add(term.getKey());
            }
            shard.add(term.getKey(), term.getValue());
            if (shard.size() >= SHARD_BYTES) {
                raw.add(shard.finish());
                shard = new ShardWriter();
            }
        }
        if (!shard.isEmpty()) {
            raw.add(shard.finish());
        }
        List<byte[]> shards = raw.parallelStream().map(SearchIndexer::gzip).toList();
        stopIfInterrupted(caller);
        List<byte[]> fragments = fragments(docs);
        String manifest = manifest(docs, firstTerms, articles, source.config().languages(), source.config().synonyms());
        if (keep != null) {
            keep.accept(new Kept(docs, lengths, avg, max, postings, encodedByTerm, firstTerms, shards, fragments));
        }
        List<byte[]> all = new ArrayList<>(shards);
        all.addAll(fragments);
        return files(manifest, all.parallelStream().map(SearchIndexer::sha256).toList(), shards, fragments, docs, clientScript, terms.size());
    }

    /** Leading characters a shard's first term shares with the one before, at most, in the manifest. */
    static final int MAX_SHARED = 64;

    /** The prefix of a reversed Chinese word: a character no query term has, so no query finds one. */
    static final char REVERSED = '~';

    /**
     * {@code "~BA"} for a Chinese word {@code "AB"} of two characters: a term with no postings, only
     * the word's document count, so that the words ending in B sit together in one shard.
     */
    static Optional<String> reversed(String term) {
        if (term.length() == 2 && Tokenizer.isHan(term.charAt(0)) && Tokenizer.isHan(term.charAt(1))) {
            return Optional.of("" + REVERSED + term.charAt(1) + term.charAt(0));
        }
        return Optional.empty();
    }

    /** The word {@code "AB"} of a reversed term {@code "~BA"}. */
    static String unreversed(String reversed) {
        return "" + reversed.charAt(2) + reversed.charAt(1);
    }

    /**
     * The index's files: {@code digests} are those of the shards, then the fragments, in order; the
     * folder is named after them and the manifest.
     */
    static Index files(String manifest, List<byte[]> digests, List<byte[]> shards, List<byte[]> fragments, List<Doc> docs,
                       String clientScript, int terms) {
        String hash = hash(manifest, digests);
        String dir = "search/" + hash + "/";
        List<Output> files = new ArrayList<>(shards.size() + fragments.size() + 2);
        files.add(new Output.Bytes(dir + "manifest.json", manifest.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < shards.size(); i++) {
            files.add(new Output.Bytes(dir + inFolder("t", i), shards.get(i)));
        }
        for (int i = 0; i < fragments.size(); i++) {
            if (fragments.get(i) != null) { // no document in the block: nothing asks for it
                files.add(new Output.Bytes(dir + inFolder("f", i), fragments.get(i)));
            }
        }
        // the first line names the index the client loads, for the build's URL check
        files.add(new Output.Bytes("search/search.js", ("// index: " + hash + "/manifest.json\n"
                + ClientScript.served(clientScript).replace("__CASEBOOK_INDEX__", hash)).getBytes(StandardCharsets.UTF_8)));
        return new Index(hash, files, docs.size(), terms, shards.size());
    }

    /** The path of shard or fragment {@code n} of {@code kind} in the index's folder, as the client asks for it. */
    static String inFolder(String kind, int n) {
        return kind + "/" + n / FOLDER + "/" + n + ".bin";
    }

    /**
     * Term frequencies per field of one document; identifier parts count in the parts field. The
     * title, error strings and headings also give their adjacent word pairs ({@code "provider not"},
     * and {@code "authentication error"} from AuthenticationError's consecutive parts) as terms, so a
     * query whose words occur together, in order, in what names the article scores for it.
     */
    static void count(Doc d, Counter counts) {
        String[] fields = d.fields();
        for (int f = 0; f < PARTS; f++) {
            boolean pairs = f == TITLE || f == ERRORS || f == HEADINGS;
            String previous = null;
            for (Tokenizer.Token t : Tokenizer.tokenize(fields[f])) {
                if (t.kind() != 'c' && Tokenizer.isVolatile(t.text())) {
                    previous = null;
                    continue;
                }
                counts.add(t.text(), t.kind() == 'p' ? PARTS : f);
                if (!pairs) {
                    continue;
                }
                if (t.kind() == 'w') {
                    if (previous != null) {
                        counts.add(previous + " " + t.text(), f);
                    }
                    previous = t.text();
                } else if (t.kind() == 'p' && t.text().indexOf('_') > 0 && t.text().indexOf('_') == t.text().lastIndexOf('_')) {
                    counts.add(t.text().replace('_', ' '), f);
                } else if (t.kind() == 'c') {
                    previous = null;
                }
            }
        }
    }

    /** Takes one occurrence of a term in a field of the document being counted. */
    interface Counter {
        void add(String term, int field);
    }

    static List<Doc> documents(SiteContent source, Map<String, Document> documents) {
        BaseUrl base = source.config().baseUrl();
        List<Lang> langs = source.config().languages();
        List<Article> articles = source.articles();
        List<Doc> docs = new ArrayList<>();
        for (int l = 0; l < langs.size(); l++) {
            Lang lang = langs.get(l);
            for (int i = 0; i < articles.size(); i++) {
                Article a = articles.get(i);
                int id = l * articles.size() + i;
                a.translation(lang).ifPresent(t -> {
                    Document doc = documents.get(t.path());
                    List<String[]> others = a.translations().stream().filter(o -> !o.lang().equals(lang))
                            .map(o -> new String[] {o.lang().code(), base.url(Routes.article(o.lang(), a))}).toList();
                    docs.add(new Doc(id, lang, base.url(Routes.article(lang, a)), t.title(), t.summary(),
                            source.config().sectionTitle(a.section(), lang), doc.headings(), doc.text(),
                            a.facts().errors(), doc.snippets(), others));
                });
            }
        }
        return docs;
    }

    static String manifest(List<Doc> docs, List<String> firstTerms, int articles, List<Lang> langs,
                                   List<List<String>> synonyms) {
        StringBuilder m = new StringBuilder("{\"v\":3,\"tokenizer\":").append(Tokenizer.VERSION)
                .append(",\"docs\":").append(docs.size()).append(",\"articles\":").append(articles)
                .append(",\"block\":").append(FRAGMENT_BLOCK).append(",\"folder\":").append(FOLDER).append(",\"langs\":[");
        for (int l = 0; l < langs.size(); l++) {
            m.append(l == 0 ? "" : ",").append("[").append(Json.string(langs.get(l).code())).append(",")
                    .append(l * articles).append(",").append((l + 1) * articles).append("]");
        }
        // each shard's first term front-coded, one a line: a character that gives how many leading characters
        // it shares with the one before ('0' + n), then the rest. Every query loads the manifest: written out as
        // a list, the terms were a third more of it after compression
        StringBuilder shards = new StringBuilder();
        String previous = "";
        for (String term : firstTerms) {
            int shared = 0;
            int most = Math.min(MAX_SHARED, Math.min(term.length(), previous.length()));
            while (shared < most && term.charAt(shared) == previous.charAt(shared)) {
                shared++;
            }
            shards.append(shards.length() == 0 ? "" : "\n").append((char) ('0' + shared)).append(term, shared, term.length());
            previous = term;
        }
        m.append("],\"shards\":").append(Json.string(shards.toString()));
        // the site's synonym sets, as the index spells its terms: the client looks a query word up with the others
        m.append(",\"syn\":[");
        for (int i = 0; i < synonyms.size(); i++) {
            m.append(i == 0 ? "[" : ",[").append(String.join(",", synonyms.get(i).stream()
                    .map(w -> Json.string(Tokenizer.normalize(w).toLowerCase(Locale.ROOT))).toList())).append(']');
        }
        return m.append("]}").toString();
    }

    private static List<byte[]> fragments(List<Doc> docs) {
        Thread caller = Thread.currentThread();
        Doc[] byId = byId(docs);
        return IntStream.range(0, blocks(byId)).parallel()
                .mapToObj(block -> {
                    if (block % 256 == 0) {
                        stopIfInterrupted(caller);
                    }
                    return fragment(byId, block);
                }).toList();
    }

    /** The documents at their ids; null where an article lacks a translation. */
    static Doc[] byId(List<Doc> docs) {
        Doc[] byId = new Doc[docs.isEmpty() ? 0 : docs.get(docs.size() - 1).id() + 1];
        for (Doc d : docs) {
            byId[d.id()] = d;
        }
        return byId;
    }

    /** How many fragment blocks cover every id. */
    static int blocks(Doc[] byId) {
        return (byId.length + FRAGMENT_BLOCK - 1) / FRAGMENT_BLOCK;
    }

    /**
     * The gzipped JSON of block {@code block}'s documents, a null for an id without one; null (no
     * file) when it has none. What a result shows: its text ({@code x}) is what names the article,
     * the summary, the error strings, then each heading on a line of its own ({@code h} gives each
     * heading's id and where its line starts), so a result costs a few hundred bytes and a match in
     * a heading links to it.
     * Words found only in the body mark the summary's place; the article page marks them where they
     * are and scrolls to the first.
     */
    static byte[] fragment(Doc[] byId, int block) {
        StringBuilder b = new StringBuilder("[");
        int start = block * FRAGMENT_BLOCK;
        boolean any = false;
        for (int i = start; i < Math.min(byId.length, start + FRAGMENT_BLOCK); i++) {
            any |= byId[i] != null;
        }
        if (!any) {
            return null;
        }
        for (int i = start; i < Math.min(byId.length, start + FRAGMENT_BLOCK); i++) {
            Doc d = byId[i];
            if (d == null) {
                b.append(i == start ? "" : ",").append("null"); // no translation: no id asks for it
                continue;
            }
            StringBuilder text = new StringBuilder(d.summary() == null ? "" : d.summary());
            for (String error : d.errors()) {
                text.append(text.length() == 0 ? "" : "\n").append(error);
            }
            b.append(i == start ? "" : ",").append("{\"u\":").append(Json.string(d.url()))
                    .append(",\"t\":").append(Json.string(d.title()))
                    .append(",\"l\":").append(Json.string(d.lang().code()))
                    .append(",\"s\":").append(Json.string(d.section()))
                    .append(",\"h\":[");
            boolean first = true;
            for (Heading h : d.headings()) {
                if (text.length() + h.text().length() > MAX_FRAGMENT_TEXT) {
                    break;
                }
                text.append(text.length() == 0 ? "" : "\n");
                b.append(first ? "" : ",").append("[").append(Json.string(h.id())).append(",").append(text.length()).append("]");
                text.append(h.text());
                first = false;
            }
            b.append("],\"o\":[");
            for (int k = 0; k < d.others().size(); k++) {
                String[] o = d.others().get(k);
                b.append(k == 0 ? "" : ",").append("[").append(Json.string(o[0])).append(",").append(Json.string(o[1])).append("]");
            }
            b.append("],\"x\":").append(Json.string(text.toString())).append("}");
        }
        return gzip(b.append("]").toString().getBytes(StandardCharsets.UTF_8));
    }

    static byte[] gzip(byte[] raw) {
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

    /**
     * The index's folder name: SHA-256 over the manifest and the digest of every shard and
     * fragment, in order (digested in parallel by the caller: one by one, hashing was a large part
     * of the search stage).
     */
    private static String hash(String manifest, List<byte[]> digests) {
        MessageDigest md = sha256();
        md.update(manifest.getBytes(StandardCharsets.UTF_8));
        digests.forEach(md::update);
        return HexFormat.of().formatHex(md.digest(), 0, 5);
    }

    /** The digest of {@code bytes}; of no bytes for a file that is not written (null). */
    static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes == null ? new byte[0] : bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
