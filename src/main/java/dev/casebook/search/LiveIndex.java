package dev.casebook.search;

import static dev.casebook.search.SearchIndexer.WEIGHTS;

import dev.casebook.content.Document;
import dev.casebook.content.Lang;
import dev.casebook.content.Output;
import dev.casebook.content.SiteContent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The preview's search index, which follows edits: built whole once (as {@link SearchIndexer}
 * builds it), then, after an edit, only the edited documents are tokenized again, moved out of and
 * into the postings of their terms, and only the shards holding those terms and the fragment
 * blocks holding the documents are written again. The corpus statistics (field length averages,
 * the largest score that impacts are scaled against) stay those of the whole build, so the index
 * of a long preview session drifts slightly from what {@code casebook build} writes; a change of
 * the site's shape (an article added, removed or moved, another language, other synonyms) or of
 * many documents at once builds it whole again.
 *
 * <p>Not thread-safe: the preview asks from one background worker at a time.
 */
public final class LiveIndex {

    /** Above this many changed documents an update is a whole build. */
    static final int MAX_CHANGED = 64;

    /** What one update did, for the preview's log and for tests. */
    public record Update(SearchIndexer.Index index, boolean whole, int documents, int shards, Set<String> terms) {
        /** {@code terms}: those whose postings were written again (none listed for a whole build) */
        public Update {
            terms = Set.copyOf(terms);
        }
    }

    private SiteContent source;
    private List<SearchIndexer.Doc> docs;
    /** {@code docs} at their ids, for the fragment blocks; an edit replaces only the edited documents */
    private SearchIndexer.Doc[] byId;
    private int[][] lengths;
    private double[] avg;
    private double max;
    /** each term's scored postings (the whole build's own map, kept rather than copied) */
    private Map<String, Postings> postings;
    /** each term's encoded postings (and each reversed Chinese word's marker), in term order: the shards' content */
    private TreeMap<String, byte[]> encoded;
    /** the score at which a frequent term's list is cut, for the terms an edit met since their list was written */
    private final Map<String, Double> cuts = new HashMap<>();
    private List<String> firstTerms;
    private List<byte[]> shards;
    private List<byte[]> fragments;
    private List<byte[]> digests; // the shards', then the fragments'
    private SearchIndexer.Index index;

    /**
     * The index of {@code source}: the edited documents' share of it when the last one is of the
     * same site's shape, a whole build otherwise.
     */
    public synchronized Update update(SiteContent source, Map<String, Document> documents, String clientScript) {
        List<SearchIndexer.Doc> fresh = SearchIndexer.documents(source, documents);
        if (index == null || !sameShape(source, fresh)) {
            return whole(source, documents, clientScript);
        }
        List<Integer> changed = new ArrayList<>();
        for (int p = 0; p < fresh.size(); p++) {
            if (!same(docs.get(p), fresh.get(p))) {
                changed.add(p);
            }
        }
        if (changed.size() > MAX_CHANGED) {
            return whole(source, documents, clientScript);
        }
        Set<String> touched = new HashSet<>();
        int n = fresh.size();
        for (int p : changed) {
            Map<String, char[]> before = frequencies(docs.get(p), new int[WEIGHTS.length]);
            int[] length = new int[WEIGHTS.length];
            Map<String, char[]> after = frequencies(fresh.get(p), length);
            lengths[p] = length;
            Set<String> terms = new HashSet<>(before.keySet());
            terms.addAll(after.keySet());
            for (String term : terms) {
                Postings ps = postings.computeIfAbsent(term, t -> new Postings());
                double was = ps.scoreOf(p);
                char[] tf = after.get(term);
                if (tf == null) {
                    ps.remove(p);
                } else {
                    int df = ps.size + (Double.isNaN(was) ? 1 : 0);
                    ps.put(p, Postings.score(tf, 0, length, avg, Postings.idf(n, df)));
                }
                double now = ps.scoreOf(p);
                if (ps.size == 0) {
                    postings.remove(term);
                    cuts.remove(term);
                    touched.add(term);
                } else if (!unchanged(term, ps, was, now)) {
                    touched.add(term);
                }
            }
        }
        this.source = source;
        this.docs = fresh;
        Set<Integer> rewritten = new TreeSet<>();
        for (String term : touched) {
            Postings ps = postings.get(term);
            cuts.remove(term);
            if (ps == null) {
                encoded.remove(term);
            } else {
                encoded.put(term, ShardWriter.postings(ps, max, docs));
            }
            rewritten.add(shardOf(term));
            SearchIndexer.reversed(term).ifPresent(r -> {
                byte[] marker = ps == null ? null : ShardWriter.marker(ps.size);
                byte[] was = marker == null ? encoded.remove(r) : encoded.put(r, marker);
                if (!Arrays.equals(was, marker)) {
                    rewritten.add(shardOf(r));
                }
            });
        }
        for (int s : rewritten) {
            byte[] shard = SearchIndexer.gzip(shard(s));
            shards.set(s, shard);
            digests.set(s, SearchIndexer.sha256(shard));
        }
        Set<Integer> blocks = new TreeSet<>();
        for (int p : changed) {
            byId[docs.get(p).id()] = docs.get(p);
            blocks.add(docs.get(p).id() / SearchIndexer.FRAGMENT_BLOCK);
        }
        for (int b : blocks) {
            byte[] fragment = SearchIndexer.fragment(byId, b);
            fragments.set(b, fragment);
            digests.set(shards.size() + b, SearchIndexer.sha256(fragment));
        }
        index = files(clientScript);
        return new Update(index, false, changed.size(), rewritten.size(), touched);
    }

    /** The files of the last index (none before the first). */
    public synchronized List<Output> files() {
        return index == null ? List.of() : index.files();
    }

    private Update whole(SiteContent source, Map<String, Document> documents, String clientScript) {
        SearchIndexer.Index built = new SearchIndexer().build(source, documents, clientScript, null, kept -> {
            this.docs = kept.docs();
            this.byId = SearchIndexer.byId(kept.docs());
            this.lengths = kept.lengths();
            this.avg = kept.avg();
            this.max = kept.max();
            this.postings = kept.postings();
            this.encoded = new TreeMap<>(kept.encoded());
            this.firstTerms = kept.firstTerms();
            this.shards = new ArrayList<>(kept.shards());
            this.fragments = new ArrayList<>(kept.fragments());
            this.cuts.clear();
        });
        List<byte[]> all = new ArrayList<>(shards);
        all.addAll(fragments);
        this.digests = new ArrayList<>(all.parallelStream().map(SearchIndexer::sha256).toList());
        this.source = source;
        this.index = built;
        return new Update(built, true, docs.size(), shards.size(), Set.of());
    }

    /** The same languages, articles in the same places (so every document keeps its id) and the same synonyms. */
    private boolean sameShape(SiteContent now, List<SearchIndexer.Doc> fresh) {
        if (fresh.size() != docs.size() || now.articles().size() != source.articles().size()
                || !now.config().languages().equals(source.config().languages())
                || !now.config().synonyms().equals(source.config().synonyms())) {
            return false;
        }
        for (int p = 0; p < fresh.size(); p++) {
            if (fresh.get(p).id() != docs.get(p).id() || !fresh.get(p).url().equals(docs.get(p).url())) {
                return false;
            }
        }
        return true;
    }

    /** Whether two versions of a document index and show the same. */
    private static boolean same(SearchIndexer.Doc a, SearchIndexer.Doc b) {
        if (a.others().size() != b.others().size()) {
            return false;
        }
        for (int i = 0; i < a.others().size(); i++) {
            if (!Arrays.equals(a.others().get(i), b.others().get(i))) {
                return false;
            }
        }
        return a.id() == b.id() && a.lang().equals(b.lang()) && a.url().equals(b.url()) && a.title().equals(b.title())
                && Objects.equals(a.summary(), b.summary()) && Objects.equals(a.section(), b.section())
                && a.text().equals(b.text()) && a.headings().equals(b.headings()) && a.errors().equals(b.errors())
                && a.snippets().equals(b.snippets());
    }

    /**
     * Whether a term's encoded postings stay as they are: the document was among them before and
     * after, and either scores the same (an edit elsewhere in it that kept its length) or, for a term
     * in more documents than a shard keeps, stays below the score at which the list is cut, so that
     * list and its document count are unchanged. The cut is worked out once per term and kept until
     * the term is written again.
     */
    private boolean unchanged(String term, Postings ps, double was, double now) {
        if (Double.isNaN(was) || Double.isNaN(now)) {
            return false;
        }
        if (was == now) {
            return true;
        }
        if (ps.size <= SearchIndexer.TOP_POSTINGS) {
            return false;
        }
        double cut = cuts.computeIfAbsent(term, t -> ShardWriter.cut(ps));
        return was < cut && now < cut;
    }

    /** Each term of {@code doc} with its frequency per field; {@code length} receives the field lengths. */
    private static Map<String, char[]> frequencies(SearchIndexer.Doc doc, int[] length) {
        Map<String, char[]> tf = new HashMap<>();
        SearchIndexer.count(doc, (term, f) -> {
            char[] counts = tf.computeIfAbsent(term, t -> new char[WEIGHTS.length]);
            if (counts[f] < Character.MAX_VALUE) {
                counts[f]++;
            }
            length[f]++;
        });
        return tf;
    }

    /** The shard a term belongs in: the last whose first term is not after it (the first for a term before all). */
    private int shardOf(String term) {
        int at = Collections.binarySearch(firstTerms, term);
        return at >= 0 ? at : Math.max(0, -at - 2);
    }

    /** Shard {@code s} as its terms are now. */
    private byte[] shard(int s) {
        SortedMap<String, byte[]> terms = s + 1 < firstTerms.size() ? encoded.headMap(firstTerms.get(s + 1)) : encoded;
        if (s > 0) {
            terms = terms.tailMap(firstTerms.get(s));
        }
        ShardWriter writer = new ShardWriter();
        terms.forEach(writer::add);
        return writer.finish();
    }

    private SearchIndexer.Index files(String clientScript) {
        List<Lang> langs = source.config().languages();
        String manifest = SearchIndexer.manifest(docs, firstTerms, source.articles().size(), langs, source.config().synonyms());
        return SearchIndexer.files(manifest, digests, shards, fragments, docs, clientScript, postings.size());
    }
}
