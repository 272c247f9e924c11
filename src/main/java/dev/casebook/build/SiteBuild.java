package dev.casebook.build;

import dev.casebook.check.LinkChecker;
import dev.casebook.check.TranslationCheck;
import dev.casebook.content.Article;
import dev.casebook.content.Document;
import dev.casebook.content.Lang;
import dev.casebook.content.Output;
import dev.casebook.content.SnippetCheck;
import dev.casebook.content.Source;
import dev.casebook.content.Translation;
import dev.casebook.content.TranslationReport;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.Report;
import dev.casebook.load.ContentLoader;
import dev.casebook.parse.MarkdownParser;
import dev.casebook.publish.OutputWriter;
import dev.casebook.publish.UrlCheck;
import dev.casebook.render.SiteRenderer;
import dev.casebook.render.Theme;
import dev.casebook.search.SearchIndexer;
import dev.casebook.validate.Catalog;
import dev.casebook.validate.SnippetChecker;
import dev.casebook.validate.Validator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline, in order: load → parse → validate → check → search → render → publish. Search
 * reads only parsed text, so it runs before render and the text is released; pages are rendered
 * lazily, as the publish stage writes them. Each stage is a function of the
 * previous stages' results; diagnostics are collected from all of them and the site is published
 * only when there is nothing to fail on, so a contributor sees every problem in one run.
 */
public final class SiteBuild {

    private static final Catalog CATALOG = Catalog.builtIn();

    private final MarkdownParser parser = new MarkdownParser();
    private final SnippetChecker snippetChecker = new SnippetChecker(new Validator(CATALOG));

    public BuildResult build(BuildOptions options) {
        long start = System.nanoTime();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Stopwatch clock = new Stopwatch();

        Outcome<Source> loaded = load(options);
        diagnostics.addAll(loaded.diagnostics());
        Source source = loaded.value();
        Outcome<Theme> theme = Theme.load(options.site(), source.config().languages());
        diagnostics.addAll(theme.diagnostics());
        if (options.write()) {
            OutputWriter.refuse(options.out()).ifPresent(diagnostics::add);
        }
        clock.lap("load");
        // a configuration problem (site config, theme, output folder) stops the site from being
        // written, but every article is still checked, so one run reports everything

        Map<String, Document> documents = parse(source, theme.value());
        source = source.withoutBodies(); // the Markdown is parsed; keep memory for the pages
        clock.lap("parse");
        Outcome<Map<String, List<SnippetCheck>>> snippets = validate(source, documents);
        diagnostics.addAll(snippets.diagnostics());
        clock.lap("validate");
        Outcome<Map<String, List<String>>> links = check(source, documents);
        diagnostics.addAll(links.diagnostics());
        Outcome<TranslationReport> translations = new TranslationCheck().check(source);
        diagnostics.addAll(translations.diagnostics());
        clock.lap("check");

        Report report = Report.of(diagnostics);
        if (report.fails(options.strict()) || stopsHere(diagnostics)) {
            return result(diagnostics, false, source, List.of(), start, clock, options.out(), translations.value());
        }
        // search needs only the parsed text, so it runs before pages are rendered, and the text is
        // dropped afterwards
        List<Output> index = new SearchIndexer().build(source, documents, theme.value().searchScript()).files();
        documents = withoutText(documents);
        clock.lap("search");

        Outcome<List<Output>> rendered = new SiteRenderer(options.site(), source, theme.value(), documents,
                links.value(), snippets.value(), CATALOG, translations.value()).render();
        diagnostics.addAll(rendered.diagnostics());
        List<Output> outputs = new ArrayList<>(rendered.value());
        outputs.addAll(index);
        outputs.sort(java.util.Comparator.comparing(Output::path));
        clock.lap("render");
        UrlCheck urls = new UrlCheck(source.config().baseUrl(),
                outputs.stream().map(Output::path).collect(java.util.stream.Collectors.toUnmodifiableSet()),
                label(options), pageLinks(source, documents, links.value()));
        OutputWriter.Inspector inspector = (path, content) -> {
            if (UrlCheck.reads(path)) {
                urls.scan(path, content);
            }
        };
        if (!options.write()) {
            diagnostics.addAll(OutputWriter.produce(outputs, inspector));
            diagnostics.addAll(urls.diagnostics());
            clock.lap("publish");
            return result(diagnostics, false, source, outputs, start, clock, options.out(), translations.value());
        }
        try {
            List<Diagnostic> found = new OutputWriter().write(options.out(), outputs, inspector, urls::diagnostics);
            diagnostics.addAll(found);
            if (found.stream().anyMatch(Diagnostic::isError)) {
                return result(diagnostics, false, source, outputs, start, clock, options.out(), translations.value());
            }
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error("config-output", dev.casebook.diag.SourcePos.file(options.out().toString()),
                    "cannot write the site: " + e.getMessage(), "check that the folder is writable"));
            return result(diagnostics, false, source, outputs, start, clock, options.out(), translations.value());
        }
        clock.lap("publish");
        return result(diagnostics, true, source, outputs, start, clock, options.out(), translations.value());
    }

    /** The output folder as diagnostics name it: relative to the site folder when inside it. */
    private static String label(BuildOptions options) {
        Path site = options.site().toAbsolutePath().normalize();
        Path out = options.out().toAbsolutePath().normalize();
        return (out.startsWith(site) ? site.relativize(out) : out).toString().replace('\\', '/');
    }

    /**
     * Finds the Markdown link behind a URL of an article page, so a dangling URL is reported where
     * the writer can fix it.
     */
    private static UrlCheck.Locator pageLinks(Source source, Map<String, Document> documents,
                                              Map<String, List<String>> hrefs) {
        Map<String, String> pageToSource = new java.util.HashMap<>();
        for (Article a : source.articles()) {
            for (Lang lang : source.config().languages()) {
                Translation shown = a.translation(lang).orElse(a.original());
                pageToSource.put(dev.casebook.content.Routes.article(lang, a) + "index.html", shown.path());
            }
        }
        return (page, url) -> {
            String path = pageToSource.get(page);
            if (path == null || !hrefs.containsKey(path)) {
                return Optional.empty();
            }
            List<String> resolved = hrefs.get(path);
            List<dev.casebook.content.Link> links = documents.get(path).links();
            for (int i = 0; i < resolved.size() && i < links.size(); i++) {
                if (resolved.get(i).equals(url) || withoutFragment(resolved.get(i)).equals(withoutFragment(url))) {
                    return Optional.of(links.get(i).pos());
                }
            }
            return Optional.empty();
        };
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** The load and translation checks alone, for {@code casebook translations}. */
    public Outcome<TranslationReport> translations(BuildOptions options) {
        Outcome<Source> loaded = load(options);
        Outcome<TranslationReport> report = new TranslationCheck().check(loaded.value());
        List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
        all.addAll(report.diagnostics());
        return Outcome.of(report.value(), all);
    }

    /** The articles as the load stage reads them, bodies included. */
    public Outcome<Source> source(BuildOptions options) {
        return load(options);
    }

    private static Outcome<Source> load(BuildOptions options) {
        Outcome<Source> loaded = new ContentLoader(options.includeDrafts()).load(options.site());
        if (options.baseUrl().isEmpty()) {
            return loaded;
        }
        Source s = loaded.value();
        return Outcome.of(new Source(s.config().withBaseUrl(options.baseUrl().get()), s.articles()), loaded.diagnostics());
    }

    private static Map<String, Document> withoutText(Map<String, Document> documents) {
        Map<String, Document> out = new ConcurrentHashMap<>();
        documents.forEach((path, doc) -> out.put(path, doc.withoutText()));
        return out;
    }

    /** Configuration problems make everything after them meaningless. */
    private static boolean stopsHere(List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(d -> d.isError() && d.id().startsWith("config-"));
    }

    private Map<String, Document> parse(Source source, Theme theme) {
        Map<Lang, Map<String, String>> callouts = new LinkedHashMap<>();
        for (Lang lang : source.config().languages()) {
            Map<String, String> titles = new TreeMap<>();
            for (String kind : MarkdownParser.CALLOUTS) {
                titles.put(kind, theme.string(lang, "callout_" + kind).orElse(kind));
            }
            callouts.put(lang, titles);
        }
        Map<String, Document> documents = new ConcurrentHashMap<>();
        source.articles().parallelStream()
                .flatMap(a -> a.translations().stream())
                .forEach(t -> documents.put(t.path(), parser.parse(t, callouts.get(t.lang()))));
        return Map.copyOf(documents);
    }

    private static Outcome<Map<String, List<String>>> check(Source source, Map<String, Document> documents) {
        LinkChecker checker = new LinkChecker(source, documents);
        Map<String, List<String>> hrefs = new ConcurrentHashMap<>();
        List<Diagnostic> diagnostics = java.util.Collections.synchronizedList(new ArrayList<>());
        source.articles().parallelStream().forEach(article -> {
            for (Translation t : article.translations()) {
                Outcome<List<String>> resolved = checker.resolve(article, t);
                hrefs.put(t.path(), resolved.value());
                diagnostics.addAll(resolved.diagnostics());
            }
        });
        return Outcome.of(Map.copyOf(hrefs), diagnostics);
    }

    /** The validate stage: every config snippet against the rule catalog, per translation. */
    private Outcome<Map<String, List<SnippetCheck>>> validate(Source source, Map<String, Document> documents) {
        Map<String, List<SnippetCheck>> checks = new ConcurrentHashMap<>();
        List<Diagnostic> diagnostics = java.util.Collections.synchronizedList(new ArrayList<>());
        source.articles().parallelStream().forEach(article -> {
            for (Translation t : article.translations()) {
                Outcome<List<SnippetCheck>> result = snippetChecker.check(article, t, documents.get(t.path()));
                checks.put(t.path(), result.value());
                diagnostics.addAll(result.diagnostics());
            }
        });
        return Outcome.of(Map.copyOf(checks), diagnostics);
    }

    /** Time per stage, for --timings and benchmarks. */
    private static final class Stopwatch {
        private final Map<String, Duration> laps = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void lap(String stage) {
            long now = System.nanoTime();
            laps.put(stage, Duration.ofNanos(now - last));
            last = now;
        }
    }

    private static BuildResult result(List<Diagnostic> diagnostics, boolean written, Source source,
                                      List<Output> outputs, long start, Stopwatch clock, Path out,
                                      TranslationReport translations) {
        Map<Lang, Integer> pages = new LinkedHashMap<>();
        for (Lang lang : source.config().languages()) {
            String prefix = lang.code() + "/";
            pages.put(lang, (int) outputs.stream()
                    .filter(o -> o.path().startsWith(prefix) && o.path().endsWith(".html")).count());
        }
        List<String> notes = new ArrayList<>();
        if (!source.config().baseUrl().hasOrigin()) {
            notes.add("no sitemap.xml: a sitemap needs absolute URLs, and the site has no base URL; "
                    + "set base_url in content/_site.yaml or pass --base-url https://org.github.io/kb/");
        }
        return new BuildResult(Report.of(diagnostics), written, pages, source.articles().size(), outputs.size(),
                Duration.ofNanos(System.nanoTime() - start), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clock.laps)),
                out, notes, peakHeapMb(), translations);
    }

    /** The highest heap use the JVM's memory pools saw, in MB. */
    private static long peakHeapMb() {
        long bytes = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }
}
