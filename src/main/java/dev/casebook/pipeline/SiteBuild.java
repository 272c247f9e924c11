package dev.casebook.pipeline;

import dev.casebook.check.LinkChecker;
import dev.casebook.check.TranslationCheck;
import dev.casebook.content.Article;
import dev.casebook.content.Document;
import dev.casebook.content.TranslationResult;
import dev.casebook.content.Lang;
import dev.casebook.content.Output;
import dev.casebook.content.SiteSchemas;
import dev.casebook.content.SnippetVerdict;
import dev.casebook.content.SiteContent;
import dev.casebook.content.Translation;
import dev.casebook.content.TranslationReport;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.SourcePos;
import dev.casebook.load.ContentLoader;
import dev.casebook.parse.MarkdownParser;
import dev.casebook.publish.OutputWriter;
import dev.casebook.render.PageKinds;
import dev.casebook.render.RenderCache;
import dev.casebook.render.SiteRenderer;
import dev.casebook.render.Theme;
import dev.casebook.search.LiveIndex;
import dev.casebook.search.SearchIndexer;
import dev.casebook.search.TermCounts;
import dev.casebook.search.Tokenizer;
import dev.casebook.validate.Catalog;
import dev.casebook.validate.LiteLlmFacts;
import dev.casebook.validate.SnippetValidator;
import dev.casebook.validate.schema.JsonSchemas;
import dev.casebook.validate.Validator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The pipeline: load → parse → validate → check → search → render → publish. {@link #stages}
 * lists them as one table, which a full build runs whole and the preview ({@link #prepare}) runs
 * up to render; each stage is one function from the site so far to the site with its results
 * ({@link BuildState}), looping over the translations in scope. Diagnostics are collected from
 * every stage; search, render and publish run only when nothing fails, so a contributor sees every
 * problem in one run. The search index needs only the parsed documents, so it is built beside the
 * rest: on a thread of its own while a build writes its pages, in the background of the preview
 * ({@link #withSearch}).
 *
 * <p>The preview keeps one {@code SiteBuild} ({@link #incremental()}): the loader re-reads only
 * changed bundles, and a small change puts only the articles it touched in scope of parse,
 * validate and check, reusing every result whose inputs are equal to the last one's
 * ({@link BuildCache}). Pages are lazy {@link Output}s, rendered when written or served.
 */
public final class SiteBuild {

    private final MarkdownParser parser = new MarkdownParser();
    private final ContentLoader.BundleCache memory;
    private final BuildCache memo;
    private final TranslationCheck translationCheck;
    /** the preview's groupings from one render to the next; null in a one-off build */
    private final RenderCache renderCache;
    /** The rules, read again from a rule folder only when a rule file changes. */
    private final RuleSource rules = new RuleSource();
    /** The preview's search index, which follows edits (null for a build that is not a preview). */
    private final LiveIndex live;
    /** The preview's last site, through the check stage: what a small change starts from. */
    private BuildState previous;
    /**
     * What earlier builds parsed and tokenized, kept on disk ({@code --cache}), for the build under
     * way: read on a thread of its own while the content is loaded, asked for by the parse stage.
     */
    private CompletableFuture<DiskCache> disk;

    public SiteBuild() {
        this(false);
    }

    private SiteBuild(boolean incremental) {
        this.memory = incremental ? new ContentLoader.BundleCache() : null;
        this.memo = incremental ? new BuildCache() : null;
        this.translationCheck = incremental ? TranslationCheck.remembering() : new TranslationCheck();
        this.renderCache = incremental ? new RenderCache() : null;
        this.live = incremental ? new LiveIndex() : null;
    }

    /** A build that remembers what it read and parsed, for rebuilding after edits. */
    public static SiteBuild incremental() {
        return new SiteBuild(true);
    }

    /** When a stage runs: always, only on a site with no failing problem, or only when a build publishes. */
    private enum When { ALWAYS, CLEAN, PUBLISHING }

    /**
     * One stage: its name, when it runs, and its function. {@code remembered}: the preview starts
     * its next build from the site as this stage left it.
     */
    private record Stage(String name, When when, boolean remembered, UnaryOperator<BuildState> run) {
    }

    private List<Stage> stages(Set<Path> changed) {
        return List.of(
                new Stage("load", When.ALWAYS, false, site -> load(site, changed)),
                new Stage("parse", When.ALWAYS, false, this::parse),
                new Stage("validate", When.ALWAYS, false, this::validate),
                new Stage("check", When.ALWAYS, true, this::check),
                new Stage("search", When.CLEAN, false, this::search),
                new Stage("render", When.CLEAN, false, this::render),
                new Stage("publish", When.PUBLISHING, false, this::publish));
    }

    /**
     * Starts loading, on a thread of its own, what every build needs and no input changes: the
     * built-in rule catalog, LiteLLM's facts, and the classes of flexmark, Pebble and the search
     * tokenizer (their first use in a fresh JVM costs more than the knowledge base's whole
     * parse). Called as the process starts, it runs on the second core while the command line is
     * read and the content loaded. Nothing it makes is passed on: the stages ask for the same
     * things and find them ready, or wait for them; a failure here is met again, and reported,
     * where the stage asks.
     */
    public static void warmUp() {
        threadOfItsOwn("casebook-warm-up").execute(() -> {
            try {
                Catalog.builtIn();
                MarkdownParser.warmUp();
                LiteLlmFacts.get();
                SiteRenderer.warmUp();
                Tokenizer.tokenize("LiteLLM 报错 OPENAI_API_KEY：ｆｕｌｌ‐width litellm.exceptions.AuthenticationError");
            } catch (RuntimeException | LinkageError e) {
                // met again by the stage that needs it
            }
        });
    }

    /** A full build: every stage, the site written (or, for {@code check}, only produced). */
    public BuildResult build(BuildOptions options) {
        long start = System.nanoTime();
        disk = options.cache().filter(dir -> memo == null).map(dir -> CompletableFuture.supplyAsync(() -> DiskCache.open(dir),
                threadOfItsOwn("casebook-cache"))).orElse(null);
        try {
            BuildState site = run(options, Set.of(), true);
            List<String> notes = new ArrayList<>();
            if (disk != null && site.stages().containsKey("parse") && !site.configError()) {
                // every translation was parsed or read: the cache holds this site's documents now (a
                // configuration error may be the cache's own folder, which is then left alone)
                boolean indexed = site.searchTask() != null && site.searchTask().succeeds();
                DiskCache cache = disk.join();
                cache.save(indexed);
                notes.add(cache.note(indexed));
            }
            return BuildResult.of(site, site.written(), start, notes);
        } finally {
            disk = null;
        }
    }

    /** Runs each task on a new daemon thread named {@code name}: work beside the stages. */
    private static Executor threadOfItsOwn(String name) {
        return work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            thread.start();
        };
    }

    /**
     * A pool for one task and the parallel streams inside it, shut down once that task is done.
     * Not the common pool through a thread of its own: there, the index's thread and the thread
     * writing the pages both wait on the common pool's queues, and on JDK 17 a thread that waits
     * while the other's task lies on top of the queue they share spins until that task is taken
     * (a profile at 10,000 articles: one sample in nine of the whole build).
     */
    private static Executor poolOfItsOwn() {
        return work -> {
            ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
            pool.execute(() -> {
                try {
                    work.run();
                } finally {
                    pool.shutdown();
                }
            });
        };
    }

    /** {@code entries} with the documents' plain text dropped: what pages are rendered from. */
    private static Map<String, TranslationResult> textless(Map<String, TranslationResult> entries) {
        Map<String, TranslationResult> out = new HashMap<>(entries.size() * 2);
        entries.forEach((path, e) -> out.put(path, e.parsed(e.document().withoutText())));
        return out;
    }

    /**
     * The preview's build: the stages up to render, pages not yet rendered and the search index
     * left to {@link #withSearch}. {@code changed} names the files changed since the last call
     * (empty: read everything).
     */
    public BuildState prepare(BuildOptions options, Set<Path> changed) {
        return run(options, changed, false);
    }

    private BuildState run(BuildOptions options, Set<Path> changed, boolean publishing) {
        BuildState site = BuildState.start(options, publishing);
        for (Stage stage : stages(changed)) {
            if (stage.when() != When.ALWAYS && !site.clean() || stage.when() == When.PUBLISHING && !publishing) {
                break;
            }
            long t = System.nanoTime();
            site = stage.run().apply(site).timed(stage.name(), Duration.ofNanos(System.nanoTime() - t));
            if (memo != null && stage.remembered()) {
                previous = site;
            }
        }
        return site;
    }

    /**
     * The articles a small change touched, when the last site can be reused for the rest: the
     * preview, after a load that re-read only some bundles, with the same site config.
     */
    private Optional<Set<String>> delta(BuildState site) {
        if (memo == null || previous == null || !previous.source().config().equals(site.source().config())) {
            return Optional.empty();
        }
        return memory.changedArticles();
    }

    /** The translations of the articles {@code ids}, in {@code source}. */
    private static List<Translation> translationsOf(SiteContent source, Set<String> ids) {
        List<Translation> out = new ArrayList<>();
        for (Article a : source.articles()) {
            if (ids.contains(a.id())) {
                out.addAll(a.translations());
            }
        }
        return out;
    }

    /** {@code site} with its search index built and its outputs listed again (the preview, in the background). */
    public BuildState withSearch(BuildState site) {
        List<Output> index = site.searchTask().join().files();
        // the pages do not depend on the index: the outputs are the same, with the index's files swapped
        List<Output> outputs = site.outputsBesideSearch();
        outputs.addAll(index);
        return site.withSearch(index).withOutputs(outputs);
    }

    /** The load and translation checks alone, for {@code casebook translations}. */
    public Outcome<TranslationReport> translations(BuildOptions options) {
        Outcome<SiteContent> loaded = source(options);
        Outcome<TranslationReport> report = new TranslationCheck().check(loaded.value());
        List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
        all.addAll(report.diagnostics());
        return Outcome.of(report.value(), all);
    }

    /** The articles as the load stage reads them, bodies included. */
    public Outcome<SiteContent> source(BuildOptions options) {
        return new ContentLoader(options.includeDrafts(), PageKinds.reservedSections()).load(options.site());
    }

    // ---- the stages ------------------------------------------------------------------------

    private BuildState load(BuildState site, Set<Path> changed) {
        BuildOptions options = site.options();
        ContentLoader loader = new ContentLoader(options.includeDrafts(), PageKinds.reservedSections());
        Outcome<SiteContent> loaded = memory == null ? loader.load(options.site()) : loader.load(options.site(), memory, changed);
        SiteContent source = loaded.value();
        if (options.baseUrl().isPresent()) {
            source = new SiteContent(source.config().withBaseUrl(options.baseUrl().get()), source.articles());
        }
        Outcome<Theme> theme = Theme.load(options.site(), source.config().languages());
        if (memo != null && memory.changedArticles().isPresent() && (previous == null
                || !previous.source().config().equals(source.config()) || !callouts(theme.value(), source).equals(memo.callouts()))) {
            // what every article's parse depends on changed: the articles kept without their
            // Markdown must be read again
            memory.reset();
            return load(site, Set.of());
        }
        Outcome<Catalog> all = rules.catalog(options, changed);
        Outcome<Catalog> catalog = RuleSource.rulePacks(all.value(), source.config());
        // every translation, as read; the preview after a small change skips the list, which the
        // parse stage makes from the last build's entries and the changed articles alone
        Map<String, TranslationResult> entries = new HashMap<>();
        if (memo == null || memory.changedArticles().isEmpty()) {
            source.articles().forEach(a -> a.translations().forEach(t -> entries.put(t.path(), TranslationResult.loaded(t))));
        }
        BuildState loadedSite = site.with(source, theme.value(), catalog.value()).withEntries(entries)
                .plus(loaded.diagnostics()).plus(theme.diagnostics()).plus(all.diagnostics()).plus(catalog.diagnostics())
                .plus(options.cache().flatMap(dir -> DiskCache.refuse(dir, options.out())).stream().toList());
        if (options.write()) {
            Path content = options.site().resolve("content").toAbsolutePath().normalize();
            if (options.out().toAbsolutePath().normalize().startsWith(content)) {
                return loadedSite.plus(List.of(Diagnostic.error("config-output", SourcePos.file(options.out().toString()),
                        "the output folder is inside content/, so the next build would read the site as content",
                        "build outside content/, e.g. --out target/site")));
            }
            return OutputWriter.refuse(options.out()).map(d -> loadedSite.plus(List.of(d))).orElse(loadedSite);
        }
        return loadedSite;
    }

    /** The title of each callout kind in each language, from the theme's strings. */
    private static Map<Lang, Map<String, String>> callouts(Theme theme, SiteContent source) {
        Map<Lang, Map<String, String>> callouts = new LinkedHashMap<>();
        for (Lang lang : source.config().languages()) {
            Map<String, String> titles = new TreeMap<>();
            for (String kind : MarkdownParser.CALLOUTS) {
                titles.put(kind, theme.string(lang, "callout_" + kind).orElse(kind));
            }
            callouts.put(lang, titles);
        }
        return callouts;
    }

    private BuildState parse(BuildState site) {
        Map<Lang, Map<String, String>> callouts = callouts(site.theme(), site.source());
        // (load made sure a partial read comes with the same callout titles as the last parse)
        Optional<Set<String>> delta = delta(site);
        // after a small change, the other articles' entries stand as the last build left them
        Map<String, TranslationResult> kept = delta.isPresent() ? previous.entries() : Map.of();
        List<String> dropped = delta.map(ids -> translationsOf(previous.source(), ids).stream().map(Translation::path).toList())
                .orElse(List.of());
        DiskCache cache = disk == null ? null : disk.join();
        TranslationWork parsed = TranslationWork.run(site, delta, kept, dropped, (article, t) -> {
            Map<String, String> titles = callouts.get(t.lang());
            Document doc = memo != null ? memo.parse(t, titles, () -> parser.parse(t, titles))
                    : cache != null ? cache.parse(t, titles, () -> parser.parse(t, titles))
                    : parser.parse(t, titles);
            return Outcome.of(TranslationResult.loaded(t.withoutBody()).parsed(doc));
        });
        SiteContent bodiless = site.source().withoutBodies();
        if (memo != null) {
            if (delta.isPresent()) {
                // only the changed articles' translations can have gone
                memo.forget(dropped.stream().filter(path -> !parsed.entries().containsKey(path)).toList());
            } else {
                memo.retain(parsed.entries().keySet());
            }
            memo.callouts(callouts);
            memory.dropBodies(bodiless); // the preview keeps a fingerprint of each body to compare
        }
        return site.withSource(bodiless).withEntries(parsed.entries())
                .plus(memo == null ? parseProblems(parsed.entries()) : memo.parseProblems());
    }

    /** What kept documents from being read (Markdown beyond the limits). */
    private static List<Diagnostic> parseProblems(Map<String, TranslationResult> entries) {
        List<Diagnostic> problems = new ArrayList<>();
        entries.values().forEach(e -> problems.addAll(e.document().problems()));
        return problems;
    }

    /** Every config snippet against the rule catalog, per translation. */
    private BuildState validate(BuildState site) {
        SiteSchemas siteSchemas = site.source().config().schemas();
        // the preview compiles a site's schemas again only when a schema file or the schemas: patterns change
        Outcome<JsonSchemas> schemas = memo == null ? JsonSchemas.of(siteSchemas) : memo.schemas(siteSchemas);
        SnippetValidator validator = new SnippetValidator(new Validator(site.catalog()), schemas.value());
        Optional<Set<String>> delta = delta(site).filter(d -> previous.catalog().equals(site.catalog()));
        TranslationWork validated = TranslationWork.run(site, delta, site.entries(), (article, t) -> {
            TranslationResult e = site.entries().get(t.path());
            Outcome<List<SnippetVerdict>> result = memo == null ? validator.check(article, t, e.document())
                    : memo.validate(t.path(), e.document(), article.facts(), site.catalog(), siteSchemas,
                    () -> validator.check(article, t, e.document()));
            return Outcome.of(e.validated(result.value()), result.diagnostics());
        });
        // the articles out of scope: their findings as their last validation made them
        List<Diagnostic> found = new ArrayList<>(schemas.diagnostics());
        found.addAll(memo == null ? validated.diagnostics() : memo.validateDiagnostics(validated.entries().keySet()));
        return site.withEntries(validated.entries()).plus(found);
    }

    /** Every link against the whole site, and where each translation stands. */
    private BuildState check(BuildState site) {
        Function<String, Document> documents = path -> {
            TranslationResult e = site.entries().get(path);
            return e == null ? null : e.document();
        };
        // built only if a translation needs its links resolved
        Supplier<LinkChecker> lazyChecker = new Supplier<>() {
            private LinkChecker made;

            @Override
            public synchronized LinkChecker get() {
                if (made == null) {
                    made = new LinkChecker(site.source(), documents);
                }
                return made;
            }
        };
        // when nothing a link can point at changed, a document that did not change resolves its
        // links as before, and only the changed articles are in scope
        Optional<Set<String>> delta = delta(site).filter(d -> memo.checkedAgainst() != null && LinkTargets.same(previous, site, d));
        LinkTargets targets = memo == null ? null : delta.isPresent() ? memo.checkedAgainst() : memo.canonical(LinkTargets.of(site));
        if (memo != null) {
            memo.checkedAgainst(targets);
        }
        TranslationWork checked = TranslationWork.run(site, delta, site.entries(), (article, t) -> {
            Outcome<List<String>> resolved = memo == null ? lazyChecker.get().resolve(article, t)
                    : memo.check(t.path(), documents.apply(t.path()), targets, () -> lazyChecker.get().resolve(article, t));
            return Outcome.of(site.entries().get(t.path()).checked(resolved.value()), resolved.diagnostics());
        });
        List<Diagnostic> found = memo == null ? checked.diagnostics() : memo.checkDiagnostics(checked.entries().keySet());
        return withTranslations(site.withEntries(checked.entries()).plus(found));
    }

    /** Where each translation stands, with what it has to say about that. */
    private BuildState withTranslations(BuildState site) {
        Outcome<TranslationReport> translations = translationCheck.check(site.source());
        return site.withTranslations(translations.value()).plus(translations.diagnostics());
    }

    /**
     * The search index, from the parsed documents. A build that publishes starts it now, on a
     * thread of its own, and lets the documents' plain text go for the rest of the stages (the
     * index keeps what it needs); the preview's index is built later, in its background.
     */
    private BuildState search(BuildState site) {
        if (!site.publishing()) {
            // the preview's index follows edits: the edited documents only, in its background (the
            // documents are gathered there too); until then the last index is served, so search
            // never goes missing after a save
            LiveIndex index = live;
            if (index != null) {
                return site.withSearch(index.files()).withSearchTask(new SearchTask(
                        () -> index.update(site.source(), documents(site), site.theme().searchScript()).index().files()));
            }
            return site.withSearchTask(new SearchTask(() -> new SearchIndexer().build(site.source(), documents(site),
                    site.theme().searchScript()).files()));
        }
        Map<String, Document> documents = documents(site);
        // with a cache, only the documents whose text changed are tokenized again
        TermCounts counts = disk == null ? null : disk.join().terms();
        SearchTask task = new SearchTask(() -> new SearchIndexer().build(site.source(), documents,
                site.theme().searchScript(), counts).files());
        // a build run inside a pool of its own (a test's single-threaded build) keeps the index there
        Executor executor = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : poolOfItsOwn();
        return site.withSearchTask(task.start(executor)).withEntries(textless(site.entries()));
    }

    private static Map<String, Document> documents(BuildState site) {
        Map<String, Document> documents = new HashMap<>(site.entries().size() * 2);
        site.entries().forEach((path, e) -> documents.put(path, e.document()));
        return documents;
    }

    /** Every file of the site; pages are rendered when they are written or served. */
    private BuildState render(BuildState site) {
        // pages need no plain text: `check` renders from documents without it; a build that publishes
        // dropped the text in the search stage already, and the preview keeps it for its search index
        // anyway, so both render from the entries as they are
        Map<String, TranslationResult> entries = site.publishing() || memo != null ? site.entries() : textless(site.entries());
        Outcome<List<Output>> rendered = new SiteRenderer(site.options().site(), site.source(), site.theme(),
                entries, site.catalog(), site.translations(), renderCache).render();
        List<Output> outputs = new ArrayList<>(rendered.value());
        outputs.addAll(site.search());
        return site.withOutputs(outputs).plus(rendered.diagnostics());
    }

    /**
     * The site written (or, for {@code casebook check}, produced), the search index's files last,
     * once its thread is done: no page links into the index but {@code search/search.js}, so the
     * pages' URLs are checked against the pages and that script while the index is built.
     */
    private BuildState publish(BuildState site) {
        Publisher.Published published = Publisher.publish(site, () -> site.searchTask().join().files());
        SearchTask.Done searched = site.searchTask().join(); // done by now, unless writing stopped before asking
        List<Output> all = new ArrayList<>(site.outputs());
        all.addAll(searched.files());
        return site.plus(published.diagnostics()).withSearch(searched.files()).withOutputs(all) // what the summary counts
                .timed("search", searched.took()).written(published.written());
    }
}
