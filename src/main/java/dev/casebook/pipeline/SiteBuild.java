package dev.casebook.pipeline;

import dev.casebook.check.LinkChecker;
import dev.casebook.check.TranslationCheck;
import dev.casebook.content.Article;
import dev.casebook.content.Document;
import dev.casebook.content.Entry;
import dev.casebook.content.Lang;
import dev.casebook.content.Output;
import dev.casebook.content.SnippetVerdict;
import dev.casebook.content.Source;
import dev.casebook.content.Translation;
import dev.casebook.content.TranslationReport;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.SourcePos;
import dev.casebook.load.ContentLoader;
import dev.casebook.parse.MarkdownParser;
import dev.casebook.publish.OutputWriter;
import dev.casebook.render.PageKinds;
import dev.casebook.render.SiteRenderer;
import dev.casebook.render.Theme;
import dev.casebook.search.SearchIndexer;
import dev.casebook.search.Tokenizer;
import dev.casebook.validate.Catalog;
import dev.casebook.validate.LiteLlmFacts;
import dev.casebook.validate.SnippetValidator;
import dev.casebook.validate.Validator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The pipeline: load → parse → validate → check → render, then search and publish. {@link #stages}
 * lists the first five as a table; each is one function from the site so far to the site with its
 * results ({@link BuildState}), looping over the articles itself. Diagnostics are collected from every
 * stage; render and search run only when nothing fails, so a contributor sees every problem in
 * one run. The search index needs only the parsed documents, so it is built beside the rest:
 * while a build writes its pages ({@link #build}), in the background of the preview
 * ({@link #withSearch}).
 *
 * <p>A full build and {@code casebook serve} run the same table and the same {@link #index}. The preview keeps one
 * {@code SiteBuild} ({@link #incremental()}): the loader re-reads only changed bundles, and parse
 * and validate reuse the result of every translation whose input is equal to the last one's.
 * Pages are lazy {@link Output}s, rendered when written or served.
 */
public final class SiteBuild {

    private final MarkdownParser parser = new MarkdownParser();
    private final ContentLoader.BundleCache memory;
    private final BuildCache memo;
    /** The rules last read from a rule folder, kept while no rule file changes. */
    private Outcome<Catalog> rules;
    /** The preview's last site, through the check stage: what a small change starts from. */
    private BuildState previous;

    public SiteBuild() {
        this(false);
    }

    private SiteBuild(boolean incremental) {
        this.memory = incremental ? new ContentLoader.BundleCache() : null;
        this.memo = incremental ? new BuildCache() : null;
    }

    /** A build that remembers what it read and parsed, for rebuilding after edits. */
    public static SiteBuild incremental() {
        return new SiteBuild(true);
    }

    /** One stage: its name, whether it needs a site with no failing problem, and its function. */
    private record Stage(String name, boolean needsCleanSite, UnaryOperator<BuildState> run) {
    }

    private List<Stage> stages(Set<Path> changed) {
        return List.of(
                new Stage("load", false, site -> load(site, changed)),
                new Stage("parse", false, this::parse),
                new Stage("validate", false, this::validate),
                new Stage("check", false, this::check),
                new Stage("render", true, this::render));
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
        Thread thread = new Thread(() -> {
            try {
                Catalog.builtIn();
                MarkdownParser.warmUp();
                LiteLlmFacts.get();
                SiteRenderer.warmUp();
                Tokenizer.tokenize("LiteLLM 报错 OPENAI_API_KEY：ｆｕｌｌ‐width litellm.exceptions.AuthenticationError");
            } catch (RuntimeException | LinkageError e) {
                // met again by the stage that needs it
            }
        }, "casebook-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A full build: every stage, then the site written (or, for {@code check}, only produced).
     * The search index is built on a thread of its own while the pages are written: it needs only
     * the parsed documents, and no page links into it but {@code search/search.js}, so the pages'
     * URLs are checked against the pages and that script, the index's files are added when it is
     * done, and they are written last. Writing waits on the disk; the index uses the CPU meanwhile.
     */
    public BuildResult build(BuildOptions options) {
        long start = System.nanoTime();
        BuildState site = prepare(options, Set.of());
        if (!site.clean()) {
            return BuildResult.of(site, false, start);
        }
        BuildState parsed = site;
        // a build run inside a pool of its own (a test's single-threaded build) keeps the index there
        Executor executor = ForkJoinTask.inForkJoinPool()
                ? ForkJoinTask.getPool()
                : task -> {
                    Thread thread = new Thread(task, "casebook-search");
                    thread.setDaemon(true);
                    thread.start();
                };
        CompletableFuture<Timed> index = CompletableFuture.supplyAsync(() -> {
            long t = System.nanoTime();
            List<Output> files = index(parsed);
            return new Timed(files, Duration.ofNanos(System.nanoTime() - t));
        }, executor);
        site = site.withEntries(textless(site.entries())); // the text lives on only for the index
        long publishStart = System.nanoTime();
        Publisher.Published published = Publisher.publish(site, () -> await(index).files());
        site = site.plus(published.diagnostics());
        Timed searched = await(index); // done by now, unless writing stopped before asking for it
        List<Output> all = new ArrayList<>(site.outputs());
        all.addAll(searched.files());
        site = site.withSearch(searched.files()).withOutputs(all) // what the summary counts
                .timed("search", searched.took())
                .timed("publish", Duration.ofNanos(System.nanoTime() - publishStart));
        return BuildResult.of(site, published.written(), start);
    }

    /** The search index's files and how long building them took (beside the writing of the pages). */
    private record Timed(List<Output> files, Duration took) {
    }

    /** The search index, or the exception that stopped it, as it was thrown. */
    private static Timed await(CompletableFuture<Timed> index) {
        try {
            return index.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** {@code entries} with the documents' plain text dropped: what pages are rendered from. */
    private static Map<String, Entry> textless(Map<String, Entry> entries) {
        Map<String, Entry> out = new HashMap<>(entries.size() * 2);
        entries.forEach((path, e) -> out.put(path, e.parsed(e.document().withoutText())));
        return out;
    }

    /**
     * Runs the stages and returns the site, pages not yet rendered and without its search index.
     * {@code changed} names the files changed since the last call (empty: read everything).
     */
    public BuildState prepare(BuildOptions options, Set<Path> changed) {
        BuildState site = BuildState.start(options);
        for (Stage stage : stages(changed)) {
            if (stage.needsCleanSite() && !site.clean()) {
                break;
            }
            long t = System.nanoTime();
            site = stage.run().apply(site).timed(stage.name(), Duration.ofNanos(System.nanoTime() - t));
            if (memo != null && stage.name().equals("check")) {
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
    private static List<Translation> translationsOf(Source source, Set<String> ids) {
        List<Translation> out = new ArrayList<>();
        for (Article a : source.articles()) {
            if (ids.contains(a.id())) {
                out.addAll(a.translations());
            }
        }
        return out;
    }

    /** {@code entries} without the translations the articles {@code ids} had in {@code before}. */
    private static Map<String, Entry> without(Map<String, Entry> entries, Source before, Set<String> ids) {
        Map<String, Entry> out = new HashMap<>(entries);
        translationsOf(before, ids).forEach(t -> out.remove(t.path()));
        return out;
    }

    /** {@code site} with its search index built and its outputs listed again (the preview, in the background). */
    public BuildState withSearch(BuildState site) {
        return render(site.withSearch(index(site)));
    }

    /** The load and translation checks alone, for {@code casebook translations}. */
    public Outcome<TranslationReport> translations(BuildOptions options) {
        Outcome<Source> loaded = source(options);
        Outcome<TranslationReport> report = new TranslationCheck().check(loaded.value());
        List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
        all.addAll(report.diagnostics());
        return Outcome.of(report.value(), all);
    }

    /** The articles as the load stage reads them, bodies included. */
    public Outcome<Source> source(BuildOptions options) {
        return new ContentLoader(options.includeDrafts(), PageKinds.reservedSections()).load(options.site());
    }

    // ---- the stages ------------------------------------------------------------------------

    private BuildState load(BuildState site, Set<Path> changed) {
        BuildOptions options = site.options();
        ContentLoader loader = new ContentLoader(options.includeDrafts(), PageKinds.reservedSections());
        Outcome<Source> loaded = memory == null ? loader.load(options.site()) : loader.load(options.site(), memory, changed);
        Source source = loaded.value();
        if (options.baseUrl().isPresent()) {
            source = new Source(source.config().withBaseUrl(options.baseUrl().get()), source.articles());
        }
        Outcome<Theme> theme = Theme.load(options.site(), source.config().languages());
        if (memo != null && memory.changedArticles().isPresent() && (previous == null
                || !previous.source().config().equals(source.config()) || !callouts(theme.value(), source).equals(memo.callouts()))) {
            // what every article's parse depends on changed: the articles kept without their
            // Markdown must be read again
            memory.reset();
            return load(site, Set.of());
        }
        Outcome<Catalog> catalog = catalog(options, changed);
        Map<String, Entry> entries = new HashMap<>();
        source.articles().forEach(a -> a.translations().forEach(t -> entries.put(t.path(), Entry.loaded(t))));
        BuildState loadedSite = site.with(source, theme.value(), catalog.value()).withEntries(entries)
                .plus(loaded.diagnostics()).plus(theme.diagnostics()).plus(catalog.diagnostics());
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

    /**
     * The built-in rules, or those of {@code options.rules()} (a checkout of Casebook being
     * previewed), read again only when a rule file changed.
     */
    private Outcome<Catalog> catalog(BuildOptions options, Set<Path> changed) {
        if (options.rules().isEmpty()) {
            return Outcome.of(Catalog.builtIn());
        }
        Path dir = options.rules().get().toAbsolutePath().normalize();
        if (rules != null && !changed.isEmpty() && changed.stream().noneMatch(p -> p.toAbsolutePath().normalize().startsWith(dir))) {
            return rules;
        }
        try {
            rules = Outcome.of(Catalog.fromFolder(dir));
        } catch (IllegalArgumentException e) {
            rules = Outcome.of(Catalog.builtIn(), List.of(Diagnostic.error("config-rules",
                    SourcePos.file(options.site().toAbsolutePath().normalize().relativize(dir).toString().replace('\\', '/')),
                    "the rule data cannot be read: " + e.getMessage(), "fix the rule file; the built-in rules are used meanwhile")));
        }
        return rules;
    }

    /** The title of each callout kind in each language, from the theme's strings. */
    private static Map<Lang, Map<String, String>> callouts(Theme theme, Source source) {
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
        if (delta.isPresent()) {
            // a small change: the other articles' entries stand as the last build left them
            Map<String, Entry> entries = without(previous.entries(), previous.source(), delta.get());
            memo.forget(previous.entries().keySet().stream().filter(p -> !entries.containsKey(p)).toList());
            for (Translation t : translationsOf(site.source(), delta.get())) {
                Map<String, String> titles = callouts.get(t.lang());
                entries.put(t.path(), Entry.loaded(t.withoutBody()).parsed(memo.parse(t, titles, () -> parser.parse(t, titles))));
            }
            memory.dropBodies();
            return site.withSource(site.source().withoutBodies()).withEntries(entries).plus(parseProblems(entries));
        }
        Map<String, Entry> entries = new ConcurrentHashMap<>();
        site.entries().values().parallelStream().forEach(e -> {
            Translation t = e.translation();
            Map<String, String> titles = callouts.get(t.lang());
            Document doc = memo == null ? parser.parse(t, titles) : memo.parse(t, titles, () -> parser.parse(t, titles));
            // the Markdown is dropped now that it is parsed (the preview keeps a fingerprint to compare)
            entries.put(e.path(), new Entry(t.withoutBody(), doc, List.of(), List.of()));
        });
        if (memo != null) {
            memo.retain(entries.keySet());
            memo.callouts(callouts);
            memory.dropBodies();
        }
        return site.withSource(site.source().withoutBodies()).withEntries(entries).plus(parseProblems(entries));
    }

    /** What kept documents from being read (Markdown beyond the limits). */
    private static List<Diagnostic> parseProblems(Map<String, Entry> entries) {
        List<Diagnostic> problems = new ArrayList<>();
        entries.values().forEach(e -> problems.addAll(e.document().problems()));
        return problems;
    }

    /** Every config snippet against the rule catalog, per translation. */
    private BuildState validate(BuildState site) {
        SnippetValidator checker = new SnippetValidator(new Validator(site.catalog()));
        Optional<Set<String>> delta = delta(site).filter(d -> previous.catalog() == site.catalog());
        if (delta.isPresent()) {
            Map<String, Entry> entries = new HashMap<>(site.entries());
            for (Article article : site.source().articles()) {
                if (delta.get().contains(article.id())) {
                    for (Translation t : article.translations()) {
                        Entry e = entries.get(t.path());
                        entries.put(t.path(), e.validated(memo.validate(t.path(), e.document(), article.facts(), site.catalog(),
                                () -> checker.check(article, t, e.document())).value()));
                    }
                }
            }
            return site.withEntries(entries).plus(memo.validateDiagnostics(entries.keySet()));
        }
        Map<String, Entry> entries = new ConcurrentHashMap<>();
        List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
        site.source().articles().parallelStream().forEach(article -> {
            for (Translation t : article.translations()) {
                Entry e = site.entries().get(t.path());
                Outcome<List<SnippetVerdict>> result = memo == null
                        ? checker.check(article, t, e.document())
                        : memo.validate(t.path(), e.document(), article.facts(), site.catalog(),
                        () -> checker.check(article, t, e.document()));
                entries.put(t.path(), e.validated(result.value()));
                diagnostics.addAll(result.diagnostics());
            }
        });
        return site.withEntries(entries).plus(List.copyOf(diagnostics));
    }

    /** Every link against the whole site, and where each translation stands. */
    private BuildState check(BuildState site) {
        Function<String, Document> documents = path -> {
            Entry e = site.entries().get(path);
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
        // what links can point at: when none of it changed, a document that did not change
        // resolves its links as before
        Optional<Set<String>> delta = delta(site).filter(d -> memo.checkedAgainst() != null && LinkTargets.same(previous, site, d));
        LinkTargets targets = memo == null ? null : delta.isPresent() ? memo.checkedAgainst() : memo.canonical(LinkTargets.of(site));
        if (delta.isPresent()) {
            // nothing a link can point at changed: only the changed articles' links are resolved again
            Map<String, Entry> entries = new HashMap<>(site.entries());
            for (Article article : site.source().articles()) {
                if (delta.get().contains(article.id())) {
                    for (Translation t : article.translations()) {
                        entries.put(t.path(), entries.get(t.path()).checked(memo.check(t.path(), documents.apply(t.path()), targets,
                                () -> lazyChecker.get().resolve(article, t)).value()));
                    }
                }
            }
            return withTranslations(site.withEntries(entries).plus(memo.checkDiagnostics(entries.keySet())));
        }
        if (memo != null) {
            memo.checkedAgainst(targets);
        }
        Map<String, Entry> entries = new ConcurrentHashMap<>();
        List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
        site.source().articles().parallelStream().forEach(article -> {
            for (Translation t : article.translations()) {
                Outcome<List<String>> resolved = memo == null ? lazyChecker.get().resolve(article, t)
                        : memo.check(t.path(), documents.apply(t.path()), targets, () -> lazyChecker.get().resolve(article, t));
                entries.put(t.path(), site.entries().get(t.path()).checked(resolved.value()));
                diagnostics.addAll(resolved.diagnostics());
            }
        });
        return withTranslations(site.withEntries(entries).plus(List.copyOf(diagnostics)));
    }

    /** Where each translation stands, with what it has to say about that. */
    private static BuildState withTranslations(BuildState site) {
        Outcome<TranslationReport> translations = new TranslationCheck().check(site.source());
        return site.withTranslations(translations.value()).plus(translations.diagnostics());
    }

    /** The search index's files, from the parsed documents. */
    private static List<Output> index(BuildState site) {
        Map<String, Document> documents = new HashMap<>();
        site.entries().forEach((path, e) -> documents.put(path, e.document()));
        return new SearchIndexer().build(site.source(), documents, site.theme().searchScript()).files();
    }

    /** Every file of the site; pages are rendered when they are written or served. */
    private BuildState render(BuildState site) {
        // pages need no plain text: the renderer gets documents without it, so that a one-shot
        // build can let it go as soon as the index is built
        Outcome<List<Output>> rendered = new SiteRenderer(site.options().site(), site.source(), site.theme(),
                textless(site.entries()), site.catalog(), site.translations()).render();
        List<Output> outputs = new ArrayList<>(rendered.value());
        outputs.addAll(site.search());
        return site.withOutputs(outputs).plus(rendered.diagnostics());
    }


}
