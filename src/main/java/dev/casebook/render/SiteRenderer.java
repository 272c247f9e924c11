package dev.casebook.render;

import dev.casebook.content.Article;
import dev.casebook.content.BaseUrl;
import dev.casebook.content.Document;
import dev.casebook.content.Entry;
import dev.casebook.content.Lang;
import dev.casebook.content.Output;
import dev.casebook.content.Routes;
import dev.casebook.content.SnippetCheck;
import dev.casebook.content.SiteConfig;
import dev.casebook.content.Source;
import dev.casebook.content.Translation;
import dev.casebook.content.TranslationReport;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.SourcePos;
import dev.casebook.validate.Catalog;
import dev.casebook.validate.Rule;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The render stage: every page of the site from the checked content, through Pebble templates
 * with strict variables and autoescaping, plus the files GitHub Pages wants (404, sitemap, robots,
 * feeds, .nojekyll, CNAME). Pages are independent, so they render in parallel; the result is
 * sorted by path, so output never depends on thread timing.
 *
 * <p>Diagnostic id: {@code config-template} (a template failed; exit code 2).
 */
public final class SiteRenderer {

    private static final Pattern IMAGE_TAG = Pattern.compile("<img [^>]*src=\"casebook-link:(\\d+)\"[^>]*>");
    private static final Pattern SNIPPET_SLOT = Pattern.compile("<!--casebook-snippet:(\\d+)-->");
    private static final int HOME_ENTRIES = 20;

    private final java.nio.file.Path site;
    private final Source source;
    private final SiteConfig config;
    private final BaseUrl base;
    private final Theme theme;
    private final Map<String, Entry> entries;
    private final Catalog catalog;
    /** The small per-article facts list pages need, computed once: section → articles, tag → articles, rule → articles. */
    private final Map<String, List<Article>> bySection = new TreeMap<>();
    private final Map<String, List<Article>> byTag = new TreeMap<>();
    private final Map<String, List<Article>> byRule = new HashMap<>();
    private final Map<String, Set<String>> rulesByArticle = new HashMap<>();
    private final Map<String, List<Article>> byError = new HashMap<>();
    private final Map<String, List<Article>> byProduct = new HashMap<>();
    /** Each article's position in the source (by identity: a record's equals walks every translation), and its id. */
    private final Map<Article, Integer> positions = new java.util.IdentityHashMap<>();
    private final String[] ids;
    /** Positions of the articles naming each error string, and demonstrating each rule, for {@link #related}. */
    private final Map<String, int[]> errorPositions = new HashMap<>();
    private final Map<String, int[]> rulePositions = new HashMap<>();
    /** Each article's products as sorted numbers (their place in the sorted product ids), by position. */
    private final int[][] productsOf;
    private static final int[] NONE = {};
    /** Each article's related articles once computed, by position; per-thread score arrays. */
    private final java.util.concurrent.atomic.AtomicReferenceArray<List<Article>> related;
    private final ThreadLocal<int[]> scores;
    /** The anchor of each error string on the error index ({@code error-1}, … in sorted order), the same on every page. */
    private final Map<String, String> errorIds = new HashMap<>();
    /** Per language, the heading texts that name an article's fix (the theme's {@code fix_headings}). */
    private final Map<Lang, Set<String>> fixHeadings = new java.util.concurrent.ConcurrentHashMap<>();
    private final TranslationReport translations;
    /** runs each rule's failing example for its page, to show the message filled in */
    private final dev.casebook.validate.Validator validator;
    private final Map<String, Optional<dev.casebook.validate.Finding>> examples = new java.util.concurrent.ConcurrentHashMap<>();
    /** "section/slug\nlang" → state, for the page of each translation */
    private final Map<String, TranslationReport.State> translationStates = new java.util.HashMap<>();
    private final PebbleEngine engine;
    private final Map<String, String> assetUrls = new TreeMap<>();
    /** Each theme asset's fingerprinted path in the site, digested once. */
    private final Map<String, String> assetPaths = new TreeMap<>();

    /**
     * @param site         the site folder, to copy bundle files from
     * @param entries      every translation with its document, snippet checks and resolved links, by path
     * @param catalog      the rules, for the rule pages
     * @param translations where each translation stands, for notices and the status page
     */
    public SiteRenderer(java.nio.file.Path site, Source source, Theme theme, Map<String, Entry> entries, Catalog catalog,
                        TranslationReport translations) {
        this.site = site;
        this.source = source;
        this.config = source.config();
        this.base = config.baseUrl();
        this.theme = theme;
        this.entries = entries;
        this.catalog = catalog;
        for (Article a : source.articles()) {
            bySection.computeIfAbsent(a.section(), k -> new ArrayList<>()).add(a);
            for (String tag : new java.util.LinkedHashSet<>(a.facts().tags())) { // a tag written twice lists the article once
                byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(a);
            }
            for (String e : new java.util.LinkedHashSet<>(a.facts().errors())) {
                byError.computeIfAbsent(e, k -> new ArrayList<>()).add(a);
            }
            for (String p : new java.util.LinkedHashSet<>(a.facts().products())) {
                byProduct.computeIfAbsent(p, k -> new ArrayList<>()).add(a);
            }
            java.util.Set<String> shown = null;
            for (Translation t : a.translations()) {
                Entry e = entries.get(t.path());
                for (SnippetCheck c : e == null ? List.<SnippetCheck>of() : e.snippets()) {
                    if (c.status() == SnippetCheck.Status.SHOWS) {
                        shown = shown == null ? new java.util.TreeSet<>() : shown;
                        shown.addAll(c.rules());
                    }
                }
            }
            if (shown != null) {
                shown.forEach(rule -> byRule.computeIfAbsent(rule, k -> new ArrayList<>()).add(a));
                rulesByArticle.put(a.id(), shown);
            }
        }
        List<Article> all = source.articles();
        this.ids = new String[all.size()];
        for (int i = 0; i < all.size(); i++) {
            positions.put(all.get(i), i);
            ids[i] = all.get(i).id();
        }
        byError.forEach((e, in) -> errorPositions.put(e, in.stream().mapToInt(positions::get).toArray()));
        byRule.forEach((r, in) -> rulePositions.put(r, in.stream().mapToInt(positions::get).toArray()));
        List<String> productIds = productIds();
        this.productsOf = new int[all.size()][];
        for (int i = 0; i < all.size(); i++) {
            productsOf[i] = all.get(i).facts().products().stream().mapToInt(p -> java.util.Collections.binarySearch(productIds, p))
                    .sorted().distinct().toArray();
        }
        this.related = new java.util.concurrent.atomic.AtomicReferenceArray<>(all.size());
        this.scores = ThreadLocal.withInitial(() -> new int[all.size()]);
        int n = 0;
        for (String error : new TreeSet<>(byError.keySet())) {
            errorIds.put(error, "error-" + (++n));
        }
        this.translations = translations;
        this.validator = new dev.casebook.validate.Validator(catalog);
        translations.rows().forEach(r -> r.states().forEach((l, s) -> translationStates.put(r.article() + "\n" + l.code(), s)));
        this.engine = engine(theme);
        theme.assets().forEach((name, bytes) -> assetPaths.put(name, fingerprint(name, bytes)));
        assetPaths.forEach((name, path) -> assetUrls.put(name, base.url(path)));
    }

    private static PebbleEngine engine(Theme theme) {
        List<Loader<?>> loaders = new ArrayList<>();
        theme.siteTemplates().ifPresent(dir -> {
            FileLoader files = new FileLoader(dir.toAbsolutePath().toString());
            files.setSuffix(".peb");
            loaders.add(files);
        });
        ClasspathLoader jar = new ClasspathLoader(SiteRenderer.class.getClassLoader());
        jar.setPrefix(Theme.CLASSPATH_ROOT.substring(0, Theme.CLASSPATH_ROOT.length() - 1));
        jar.setSuffix(".peb");
        loaders.add(jar);
        return engine(new DelegatingLoader(loaders));
    }

    /** The engine every page is rendered with: strict variables, HTML escaping on, no locale of the machine's. */
    private static PebbleEngine engine(Loader<?> loader) {
        return new PebbleEngine.Builder()
                .loader(loader)
                .strictVariables(true)
                .autoEscaping(true)
                .newLineTrimming(true)
                .defaultLocale(Locale.ROOT)
                .build();
    }

    /**
     * Builds a throwaway template engine configured as the real one and renders a small template
     * with it, so that Pebble's classes and its HTML escaping tables are ready when pages are
     * rendered (see {@code SiteBuild.warmUp}).
     */
    public static String warmUp() {
        PebbleEngine engine = engine(new io.pebbletemplates.pebble.loader.StringLoader());
        PebbleTemplate template = engine.getTemplate("""
                {% for link in links %}<a href="{{ link.href }}">{{ link.name | upper }}</a>{% if loop.last %}.{% endif %}
                {% endfor %}{{ title }} {{ count + 1 }}""");
        try {
            StringWriter out = new StringWriter();
            template.evaluate(out, Map.of("links", List.of(new Views.NamedLink("<a> & é", "/x?a=1&b=2")),
                    "title", "\"quoted\" 中文", "count", 1), Locale.ROOT);
            return out.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Outcome<List<Output>> render() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        for (Lang lang : config.languages()) {
            jobs.add(new Job(Routes.home(lang), "home", () -> home(lang)));
            for (String section : sections()) {
                jobs.add(new Job(Routes.section(lang, section), "section", () -> section(lang, section)));
            }
            jobs.add(new Job(Routes.tags(lang), "tags", () -> tags(lang)));
            jobs.add(new Job(Routes.errors(lang), "errors", () -> errorIndex(lang)));
            jobs.add(new Job(Routes.products(lang), "products", () -> products(lang)));
            for (String product : productIds()) {
                jobs.add(new Job(Routes.product(lang, product), "product", () -> product(lang, product)));
            }
            for (String tag : tagNames()) {
                jobs.add(new Job(Routes.tag(lang, tag), "tag", () -> tag(lang, tag)));
            }
            for (Article article : source.articles()) {
                jobs.add(new Job(Routes.article(lang, article), "article", () -> article(lang, article)));
            }
            jobs.add(new Job(Routes.rules(lang), "rules", () -> rules(lang)));
            jobs.add(new Job(Routes.translations(lang), "translations", () -> translationStatus(lang)));
            jobs.add(new Job(Routes.search(lang), "search", () -> searchPage(lang)));
            jobs.add(new Job(Routes.check(lang), "check", () -> checkPage(lang)));
            for (Rule rule : catalog.rules()) {
                jobs.add(new Job(Routes.rule(lang, rule.id()), "rule", () -> rule(lang, rule)));
            }
        }
        jobs.add(new Job(Routes.root(), "root", this::root));
        jobs.add(new Job("404.html", "404", this::notFound));

        // pages are produced while they are written, so a large site never holds all of them
        List<Output> outputs = new ArrayList<>();
        for (Job job : jobs) {
            outputs.add(new Output.Lazy(Routes.file(job.path()), () -> {
                Outcome<Output> page = run(job);
                if (page.hasErrors()) {
                    throw new Output.Failure(page.diagnostics().get(0));
                }
                return ((Output.Bytes) page.value()).content();
            }));
        }
        outputs.addAll(resources());
        theme.assets().forEach((name, bytes) -> outputs.add(new Output.Bytes(assetPaths.get(name), bytes)));
        outputs.addAll(new Feeds(source, base, theme).feeds());
        outputs.addAll(new DataFiles(source, entries).files());
        outputs.add(text(".nojekyll", ""));
        config.cname().ifPresent(c -> outputs.add(text("CNAME", c + "\n")));
        outputs.add(text("robots.txt", "User-agent: *\nAllow: /\n"
                + (base.hasOrigin() ? "Sitemap: " + base.absolute("sitemap.xml") + "\n" : "")));
        if (base.hasOrigin()) {
            outputs.add(new Output.Lazy("sitemap.xml", () -> new Sitemap(source, base).xml().getBytes(StandardCharsets.UTF_8)));
        }
        return Outcome.of(outputs, diagnostics);
    }

    /** A page to render: its path and a function giving the template name and model. */
    private record Job(String path, String template, java.util.function.Supplier<Map<String, Object>> model) {
    }

    private Outcome<Output> run(Job job) {
        try {
            PebbleTemplate template = engine.getTemplate(job.template());
            StringWriter out = new StringWriter();
            template.evaluate(out, job.model().get(), Locale.ROOT);
            String html = out.toString();
            return Outcome.of(new Output.Bytes(Routes.file(job.path()), html.getBytes(StandardCharsets.UTF_8)));
        } catch (PebbleException e) {
            String file = (e.getFileName() == null ? job.template() : e.getFileName()).replaceFirst("^.*[/\\\\]", "");
            file = file.endsWith(".peb") ? file : file + ".peb";
            int line = e.getLineNumber() == null || e.getLineNumber() < 1 ? 1 : e.getLineNumber();
            // name the template value, not the Java class behind it
            String message = String.valueOf(e.getPebbleMessage())
                    .replaceAll("\\[dev\\.casebook\\.render\\.Views\\$(\\w+)]", "[$1]");
            return Outcome.of(null, List.of(Diagnostic.error("config-template", new SourcePos("templates/" + file, line, 1),
                    "template failed for /" + job.path() + ": " + message,
                    "fix the template; every variable and attribute it uses must exist (strict mode)")));
        } catch (IOException e) {
            throw new IllegalStateException(e); // StringWriter does not fail
        }
    }

    // ---- models ------------------------------------------------------------------------------

    private Map<String, Object> common(Lang lang, Views.PageView page) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", new Views.SiteView(config.title(lang), config.description(lang), base.url(Routes.home(lang)),
                base.url(Routes.root()), base.url(Routes.feed(lang)), base.url(Routes.tags(lang)),
                base.url(Routes.rules(lang)), base.url(Routes.search(lang)), base.url(Routes.searchScript()), lang.code(),
                base.url(Routes.translations(lang)), base.url(Routes.errors(lang)), base.url(Routes.products(lang)),
                sections().stream().map(s -> new Views.NamedLink(config.sectionTitle(s, lang), base.url(Routes.section(lang, s))))
                        .toList(), base.url(Routes.check(lang))));
        model.put("languageNames", languageNames());
        model.put("page", page);
        model.put("t", theme.strings(lang));
        model.put("assets", assetUrls);
        return model;
    }

    private Views.PageView page(String kind, Lang lang, String title, String description,
                                java.util.function.Function<Lang, String> pathIn, String xDefault,
                                List<Lang> alternateLangs, String canonical, boolean untranslated) {
        // hreflang pairs real translations; a page that exists in one language has no cluster
        List<Views.Alternate> alternates = new ArrayList<>();
        if (alternateLangs.size() > 1) {
            for (Lang l : alternateLangs) {
                alternates.add(new Views.Alternate(l.code(), base.absolute(pathIn.apply(l))));
            }
            alternates.add(new Views.Alternate("x-default", base.absolute(xDefault)));
        }
        List<Views.LangLink> switcher = config.languages().stream()
                .map(l -> new Views.LangLink(l.code(), languageName(l), base.url(pathIn.apply(l)), l.equals(lang)))
                .toList();
        return new Views.PageView(kind, lang.code(), title, description, base.absolute(canonical), alternates,
                switcher, untranslated);
    }

    private Map<String, Object> home(Lang lang) {
        Views.PageView page = page("home", lang, config.title(lang), config.description(lang), Routes::home,
                Routes.root(), config.languages(), Routes.home(lang), false);
        Map<String, Object> model = common(lang, page);
        model.put("articles", cards(lang, source.articles()).stream().limit(HOME_ENTRIES).toList());
        model.put("sections", sections().stream().map(s -> sectionView(lang, s)).toList());
        return model;
    }

    private Map<String, Object> section(Lang lang, String section) {
        Views.SectionView view = sectionView(lang, section);
        Views.PageView page = page("section", lang, view.title(), config.description(lang),
                l -> Routes.section(l, section), Routes.section(config.defaultLang(), section),
                config.languages(), Routes.section(lang, section), false);
        Map<String, Object> model = common(lang, page);
        model.put("section", view);
        return model;
    }

    private Map<String, Object> tags(Lang lang) {
        Views.PageView page = page("tags", lang, theme.strings(lang).get("tags"), config.description(lang),
                Routes::tags, Routes.tags(config.defaultLang()), config.languages(), Routes.tags(lang), false);
        Map<String, Object> model = common(lang, page);
        model.put("tags", tagNames().stream().map(t -> tagView(lang, t)).toList());
        return model;
    }

    private Map<String, Object> tag(Lang lang, String tag) {
        Views.TagView view = tagView(lang, tag);
        Views.PageView page = page("tag", lang, "#" + tag, config.description(lang), l -> Routes.tag(l, tag),
                Routes.tag(config.defaultLang(), tag), config.languages(), Routes.tag(lang, tag), false);
        Map<String, Object> model = common(lang, page);
        model.put("tag", view);
        return model;
    }

    private Map<String, Object> article(Lang lang, Article article) {
        Optional<Translation> own = article.translation(lang);
        Translation shown = own.orElse(shownFor(article, lang));
        List<Lang> translated = article.translations().stream().map(Translation::lang).toList();
        Lang xDefault = translated.contains(config.defaultLang()) ? config.defaultLang() : article.original().lang();
        Views.PageView page = page("article", lang, shown.title(), shown.summary(), l -> Routes.article(l, article),
                Routes.article(xDefault, article), translated, Routes.article(shown.lang(), article), own.isEmpty());
        Entry entry = entries.get(shown.path());
        Document doc = entry.document();
        // a translation whose original changed since it was made says so, and links to the original
        Optional<Lang> outdatedFrom = own.isPresent()
                && translationStates.getOrDefault(article.id() + "\n" + lang.code(), TranslationReport.State.ORIGINAL)
                == TranslationReport.State.OUTDATED ? own.get().translatedFrom().map(p -> p.lang()) : Optional.empty();
        String html = withHeadingLinks(fillSlots(doc.html(), entry.hrefs(), snippetHeads(lang, doc, entry.snippets())),
                theme.strings(lang).get("heading_link"));
        SectionOrder section = sectionOrder(lang, article.section());
        List<Article> order = section.articles();
        int at = section.at().getOrDefault(article, -1);
        Views.NamedLink previous = at > 0 ? cardLink(lang, order.get(at - 1)) : NO_LINK;
        Views.NamedLink next = at >= 0 && at + 1 < order.size() ? cardLink(lang, order.get(at + 1)) : NO_LINK;
        Views.ArticleView view = new Views.ArticleView(
                shown.title(), shown.summary(), shown.lang().code(),
                shown.date().toString(), formatDate(shown.date(), lang),
                shown.updated().map(LocalDate::toString).orElse(""),
                shown.updated().map(d -> formatDate(d, lang)).orElse(""),
                new SafeString(html),
                doc.headings().stream().filter(h -> h.level() == 2 || h.level() == 3)
                        .map(h -> new Views.TocEntry(h.level(), h.text(), h.id())).toList(),
                new Views.NamedLink(config.sectionTitle(article.section(), lang), base.url(Routes.section(lang, article.section()))),
                article.facts().tags().stream().map(tag -> new Views.NamedLink(tag, base.url(Routes.tag(lang, tag)))).toList(),
                article.facts().products().stream()
                        .map(p -> new Views.NamedLink(config.productName(p, lang), base.url(Routes.product(lang, p)))).toList(),
                article.facts().errors(),
                article.facts().verifiedWith().entrySet().stream().map(e -> new Views.Version(e.getKey(), e.getValue())).toList(),
                config.repository().map(r -> r.replaceAll("/+$", "") + "/edit/main/" + shown.path()).orElse(""),
                own.isEmpty() ? languageName(shown.lang()) : "",
                own.isEmpty() ? base.url(Routes.article(shown.lang(), article)) : "",
                outdatedFrom.map(this::languageName).orElse(""),
                outdatedFrom.map(Lang::code).orElse(""),
                outdatedFrom.map(l -> base.url(Routes.article(l, article))).orElse(""),
                previous, next, cards(lang, related(article)), !doc.snippets().isEmpty(), fixId(doc, shown.lang()));
        Map<String, Object> model = common(lang, page);
        model.put("article", view);
        return model;
    }

    /**
     * The id of the article's fix: its first h2 named as the theme's {@code fix_headings} say in the
     * text's language ("Fix", "解决方法"…), or empty. The header links there, so the answer is one
     * step from the first screen.
     */
    private String fixId(Document doc, Lang textLang) {
        Set<String> names = fixHeadings.computeIfAbsent(textLang, l ->
                Set.copyOf(java.util.Arrays.asList(theme.strings(l).getOrDefault("fix_headings", "").split("\\|"))));
        return doc.headings().stream().filter(h -> h.level() == 2 && names.contains(h.text().strip()))
                .map(h -> h.id()).findFirst().orElse("");
    }

    /**
     * The check page with a snippet's group loaded (each file's name and text in the fragment, which
     * never reaches a server), so a reader can edit the example and watch the finding change.
     */
    private String tryIt(Lang lang, Document doc, List<SnippetCheck> checks, String group) {
        StringBuilder fragment = new StringBuilder();
        for (int i = 0; i < doc.snippets().size() && i < checks.size(); i++) {
            if (!checks.get(i).group().equals(group) || checks.get(i).status() == SnippetCheck.Status.NOT_CONFIG) {
                continue;
            }
            var s = doc.snippets().get(i);
            String name = s.attribute("file").orElse(s.language().equals("dotenv") ? ".env" : "config.yaml");
            fragment.append(fragment.length() == 0 ? "" : "&").append("file=").append(formEncode(name))
                    .append("&text=").append(formEncode(s.code()));
        }
        return base.url(Routes.check(lang)) + "#" + fragment;
    }

    private static String formEncode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The bar above each code block: the file it stands for, and what checking it showed. */
    private List<String> snippetHeads(Lang lang, Document doc, List<SnippetCheck> checks) {
        Map<String, String> t = theme.strings(lang);
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < doc.snippets().size(); i++) {
            SnippetCheck check = i < checks.size() ? checks.get(i) : SnippetCheck.NOT_A_CONFIG;
            StringBuilder head = new StringBuilder();
            doc.snippets().get(i).attribute("file").ifPresent(f ->
                    head.append("<span class=\"code-file\">").append(Html.escape(f)).append("</span>"));
            switch (check.status()) {
                case VALID -> head.append("<span class=\"check check-valid\">").append(Html.escape(t.get("snippet_valid"))).append("</span>");
                case NOT_CHECKED -> head.append("<span class=\"check check-unchecked\">").append(Html.escape(t.get("snippet_not_checked"))).append("</span>");
                case SHOWS, FAILS -> {
                    head.append("<span class=\"check check-").append(check.status() == SnippetCheck.Status.SHOWS ? "shows" : "fails")
                            .append("\">").append(Html.escape(t.get(check.status() == SnippetCheck.Status.SHOWS ? "snippet_shows" : "snippet_fails")));
                    for (String id : check.rules()) {
                        head.append(" <a href=\"").append(Html.escape(base.url(Routes.rule(lang, id)))).append("\">")
                                .append(Html.escape(id)).append("</a>");
                    }
                    head.append("</span>");
                }
                case NOT_CONFIG -> {
                }
            }
            if (check.status() != SnippetCheck.Status.NOT_CONFIG && check.status() != SnippetCheck.Status.NOT_CHECKED) {
                head.append(" <a class=\"try\" href=\"").append(Html.escape(tryIt(lang, doc, checks, check.group())))
                        .append("\">").append(Html.escape(t.get("snippet_try"))).append("</a>");
            }
            heads.add(head.length() == 0 ? "" : "<div class=\"code-head\">" + head.toString().replace("</span><span", "</span> <span") + "</div>");
        }
        return heads;
    }

    private Map<String, Object> translationStatus(Lang lang) {
        Map<String, String> t = theme.strings(lang);
        Views.PageView page = page("translations", lang, t.get("translations"), t.get("translations_intro"),
                Routes::translations, Routes.translations(config.defaultLang()), config.languages(), Routes.translations(lang), false);
        Map<String, Object> model = common(lang, page);
        List<Views.StateLabel> states = java.util.Arrays.stream(TranslationReport.State.values())
                .map(s -> stateLabel(t, s)).toList();
        List<Views.CountRow> counts = new ArrayList<>();
        translations.counts().forEach((l, perState) -> counts.add(new Views.CountRow(languageName(l),
                List.copyOf(perState.values()))));
        Map<String, Article> byId = new java.util.HashMap<>();
        source.articles().forEach(a -> byId.put(a.id(), a));
        List<Views.StatusRow> rows = translations.rows().stream().map(r -> {
            Article a = byId.get(r.article());
            Translation shown = a.translation(lang).orElse(shownFor(a, lang));
            return new Views.StatusRow(shown.title(), base.url(Routes.article(lang, a)),
                    config.languages().stream().map(l -> stateLabel(t, r.states().get(l))).toList());
        }).toList();
        model.put("status", new Views.StatusView(new SafeString(StatusChart.svg(translations, l -> languageName(l), t.get("translations_chart"))),
                states, counts, config.languages().stream().map(this::languageName).toList(), rows));
        return model;
    }

    private static Views.StateLabel stateLabel(Map<String, String> t, TranslationReport.State state) {
        return new Views.StateLabel(state.label(), t.get("state_" + state.label()));
    }

    private Map<String, Object> searchPage(Lang lang) {
        Map<String, String> t = theme.strings(lang);
        Views.PageView page = page("search", lang, t.get("search_title"), t.get("search_title"), Routes::search,
                Routes.search(config.defaultLang()), config.languages(), Routes.search(lang), false);
        return common(lang, page);
    }

    /**
     * The in-browser checker: the rules' pages and the articles that show each rule, as JSON for the
     * page's script (the findings themselves come from the validator compiled to JavaScript).
     */
    private Map<String, Object> checkPage(Lang lang) {
        Map<String, String> t = theme.strings(lang);
        Views.PageView page = page("check", lang, t.get("check_title"), t.get("check_intro"), Routes::check,
                Routes.check(config.defaultLang()), config.languages(), Routes.check(lang), false);
        Map<String, Object> model = common(lang, page);
        StringBuilder rules = new StringBuilder("{");
        for (Rule rule : catalog.rules()) {
            rules.append(rules.length() > 1 ? "," : "").append(dev.casebook.diag.Json.string(rule.id())).append(":{\"u\":")
                    .append(dev.casebook.diag.Json.string(base.url(Routes.rule(lang, rule.id())))).append(",\"t\":")
                    .append(dev.casebook.diag.Json.string(Html.plain(rule.title(ruleLang(lang))))).append(",\"a\":[");
            List<Views.Card> shown = cards(lang, demonstrations(rule.id()));
            for (int i = 0; i < shown.size(); i++) {
                rules.append(i == 0 ? "" : ",").append("[").append(dev.casebook.diag.Json.string(shown.get(i).title())).append(",")
                        .append(dev.casebook.diag.Json.string(shown.get(i).href())).append("]");
            }
            rules.append("]}");
        }
        model.put("rules", rules.append("}").toString());
        model.put("ruleLang", ruleLang(lang));
        return model;
    }

    /** {"zh":"中文","en":"English"}: the language badges of search results. */
    private String languageNames() {
        StringBuilder json = new StringBuilder("{");
        for (Lang l : config.languages()) {
            json.append(json.length() > 1 ? "," : "").append(dev.casebook.diag.Json.string(l.code())).append(':')
                    .append(dev.casebook.diag.Json.string(languageName(l)));
        }
        return json.append('}').toString();
    }

    private Map<String, Object> rules(Lang lang) {
        Map<String, String> t = theme.strings(lang);
        Views.PageView page = page("rules", lang, t.get("rules"), t.get("rules_intro"), Routes::rules,
                Routes.rules(config.defaultLang()), config.languages(), Routes.rules(lang), false);
        Map<String, Object> model = common(lang, page);
        model.put("rules", catalog.rules().stream().map(r -> ruleSummary(lang, r)).toList());
        return model;
    }

    private Views.RuleSummary ruleSummary(Lang lang, Rule rule) {
        return new Views.RuleSummary(rule.id(), base.url(Routes.rule(lang, rule.id())), rule.severity().label(),
                theme.strings(lang).get("severity_" + rule.severity().label()), new SafeString(Html.inlineCode(rule.title(ruleLang(lang)))),
                String.join(", ", rule.kinds().stream().map(k -> k.label()).toList()),
                demonstrations(rule.id()).size());
    }

    private Map<String, Object> rule(Lang lang, Rule rule) {
        String rl = ruleLang(lang);
        Views.PageView page = page("rule", lang, rule.id() + " · " + Html.plain(rule.title(rl)), Html.plain(rule.title(rl)),
                l -> Routes.rule(l, rule.id()), Routes.rule(config.defaultLang(), rule.id()), config.languages(),
                Routes.rule(lang, rule.id()), false);
        Map<String, Object> model = common(lang, page);
        // the message and fix as the rule gives them on its own failing example, every value filled in
        Optional<Diagnostic> shown = examples.computeIfAbsent(rule.id(), id -> validator.example(rule))
                .map(f -> validator.diagnostic(f, rl));
        String message = shown.map(Diagnostic::message).orElse(generic(rule.message("default", rl, Map.of())));
        String fix = shown.map(Diagnostic::hint).filter(h -> !h.isEmpty()).orElse(generic(rule.fix(rl)));
        model.put("rule", new Views.RuleView(ruleSummary(lang, rule),
                new SafeString(Html.inlineCode(message)),
                new SafeString(Html.inlineCode(rule.why(rl))), new SafeString(Html.inlineCode(fix)),
                rule.evidence().stream().map(e -> new Views.NamedLink(e.text(), e.url())).toList(),
                rule.examples().stream().map(e -> new Views.ExampleView(e.name(rl), e.failing(),
                        String.join(", ", e.expect()),
                        e.environment().entrySet().stream().map(x -> x.getKey() + ": " + x.getValue()).toList(),
                        e.files().stream().map(f -> new Views.ExampleFileView(f.name(), f.text())).toList())).toList(),
                cards(lang, demonstrations(rule.id()))));
        return model;
    }

    /** Articles with a snippet that demonstrates {@code ruleId} (an {@code expect=} that holds). */
    private List<Article> demonstrations(String ruleId) {
        return byRule.getOrDefault(ruleId, List.of());
    }

    /** Rule texts exist in English and Chinese; other languages read the English. */
    private static String ruleLang(Lang lang) {
        return Rule.LANGUAGES.contains(lang.code()) ? lang.code() : "en";
    }

    /** A message template shown on its own: {@code {model}} becomes {@code ‹model›}. */
    private static String generic(String template) {
        return template.replaceAll("(?<!\\$)\\{([A-Za-z_]+)}", "‹$1›");
    }

    private Map<String, Object> root() {
        Lang lang = config.defaultLang();
        Views.PageView page = page("root", lang, config.title(lang), config.description(lang), Routes::home,
                Routes.root(), config.languages(), Routes.root(), false);
        Map<String, Object> model = common(lang, page);
        model.put("choices", messages("choose_language", "choose_language_text", Routes::home, "home"));
        return model;
    }

    private Map<String, Object> notFound() {
        Lang lang = config.defaultLang();
        Views.PageView page = page("404", lang, theme.strings(lang).get("not_found_title"), "", Routes::home,
                Routes.root(), List.of(), "404.html", false);
        Map<String, Object> model = common(lang, page);
        model.put("messages", messages("not_found_title", "not_found_text", Routes::home, "back_home"));
        return model;
    }

    private List<Views.LangMessage> messages(String titleKey, String textKey,
                                             java.util.function.Function<Lang, String> path, String linkKey) {
        return config.languages().stream().map(l -> {
            Map<String, String> s = theme.strings(l);
            return new Views.LangMessage(l.code(), languageName(l), s.get(titleKey), s.get(textKey),
                    base.url(path.apply(l)), s.get(linkKey));
        }).toList();
    }

    // ---- lists -------------------------------------------------------------------------------

    private List<String> sections() {
        return List.copyOf(bySection.keySet());
    }

    private List<String> tagNames() {
        return List.copyOf(byTag.keySet());
    }

    private Views.SectionView sectionView(Lang lang, String section) {
        List<Article> in = bySection.getOrDefault(section, List.of());
        return new Views.SectionView(section, config.sectionTitle(section, lang),
                base.url(Routes.section(lang, section)), cards(lang, in));
    }

    private Views.TagView tagView(Lang lang, String tag) {
        List<Article> in = byTag.getOrDefault(tag, List.of());
        return new Views.TagView(tag, base.url(Routes.tag(lang, tag)), cards(lang, in));
    }

    private static final Views.NamedLink NO_LINK = new Views.NamedLink("", "");
    private static final int RELATED = 4;

    /**
     * Up to four articles that share the most with {@code article}: an error string counts 3, a
     * rule both demonstrate 2, a product 1, and only a total above 1 counts; ties go by id. Scores
     * are gathered through the inverted indexes into an array by article position (no scan of the
     * site, no boxing), computed once per article for all its languages.
     */
    private List<Article> related(Article article) {
        int self = positions.get(article);
        List<Article> known = related.get(self);
        if (known != null) {
            return known;
        }
        Tally tally = new Tally(scores.get());
        for (String e : new java.util.TreeSet<>(article.facts().errors())) {
            tally.add(errorPositions.getOrDefault(e, NONE), 3);
        }
        for (String r : rulesOf(article)) {
            tally.add(rulePositions.getOrDefault(r, NONE), 2);
        }
        // a product alone (1) never qualifies, so it only adds to articles already sharing something
        int[] products = productsOf[self];
        List<Article> all = source.articles();
        int[] best = new int[RELATED];
        int[] bestScore = new int[RELATED];
        int found = 0;
        for (int k = 0; k < tally.count; k++) {
            int i = tally.touched[k];
            int s = tally.score[i];
            tally.score[i] = 0; // the array is the thread's, zero again for its next article
            if (i == self) {
                continue;
            }
            s += shared(products, productsOf[i]);
            if (s <= 1) {
                continue;
            }
            // insertion into the best four: higher score first, then the smaller id
            int at = found;
            while (at > 0 && (s > bestScore[at - 1] || s == bestScore[at - 1] && ids[i].compareTo(ids[best[at - 1]]) < 0)) {
                at--;
            }
            if (at < RELATED) {
                int moved = Math.min(found, RELATED - 1) - at;
                System.arraycopy(best, at, best, at + 1, moved);
                System.arraycopy(bestScore, at, bestScore, at + 1, moved);
                best[at] = i;
                bestScore[at] = s;
                found = Math.min(found + 1, RELATED);
            }
        }
        List<Article> out = new ArrayList<>(found);
        for (int k = 0; k < found; k++) {
            out.add(all.get(best[k]));
        }
        List<Article> result = List.copyOf(out);
        related.set(self, result);
        return result;
    }

    /** Scores by article position, and which positions have one, in the order they got it. */
    private static final class Tally {
        final int[] score;
        int[] touched = new int[32];
        int count;

        Tally(int[] score) {
            this.score = score;
        }

        void add(int[] positions, int points) {
            for (int i : positions) {
                if (score[i] == 0) {
                    if (count == touched.length) {
                        touched = java.util.Arrays.copyOf(touched, count * 2);
                    }
                    touched[count++] = i;
                }
                score[i] += points;
            }
        }
    }

    /** How many numbers two sorted arrays have in common. */
    private static int shared(int[] a, int[] b) {
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    private Set<String> rulesOf(Article a) {
        return rulesByArticle.getOrDefault(a.id(), Set.of());
    }

    private List<String> productIds() {
        return new TreeSet<>(byProduct.keySet()).stream().toList();
    }

    private Map<String, Object> products(Lang lang) {
        Map<String, String> t = theme.strings(lang);
        Views.PageView page = page("products", lang, t.get("products"), t.get("products_intro"), Routes::products,
                Routes.products(config.defaultLang()), config.languages(), Routes.products(lang), false);
        Map<String, Object> model = common(lang, page);
        model.put("products", productIds().stream().map(p -> productView(lang, p)).toList());
        return model;
    }

    private Map<String, Object> product(Lang lang, String product) {
        Views.ProductView view = productView(lang, product);
        Views.PageView page = page("product", lang, view.name(),
                theme.strings(lang).get("product_intro").replace("{product}", view.name()),
                l -> Routes.product(l, product), Routes.product(config.defaultLang(), product), config.languages(),
                Routes.product(lang, product), false);
        Map<String, Object> model = common(lang, page);
        model.put("product", view);
        return model;
    }

    private Views.ProductView productView(Lang lang, String product) {
        List<Article> in = byProduct.getOrDefault(product, List.of());
        TreeSet<String> errors = new TreeSet<>();
        TreeSet<String> rules = new TreeSet<>();
        for (Article a : in) {
            errors.addAll(a.facts().errors());
            rules.addAll(rulesOf(a));
        }
        String index = base.url(Routes.errors(lang));
        return new Views.ProductView(product, config.productName(product, lang), base.url(Routes.product(lang, product)),
                cards(lang, in),
                errors.stream().map(e -> new Views.NamedLink(e, index + "#" + errorIds.get(e))).toList(),
                rules.stream().map(catalog::rule).flatMap(Optional::stream).map(r -> ruleSummary(lang, r)).toList());
    }

    private Map<String, Object> errorIndex(Lang lang) {
        Map<String, String> t = theme.strings(lang);
        Views.PageView page = page("errors", lang, t.get("error_index"), t.get("error_index_intro"), Routes::errors,
                Routes.errors(config.defaultLang()), config.languages(), Routes.errors(lang), false);
        Map<String, Object> model = common(lang, page);
        List<Views.ErrorEntry> entries = new ArrayList<>();
        for (Map.Entry<String, List<Article>> e : new TreeMap<>(byError).entrySet()) {
            entries.add(new Views.ErrorEntry(e.getKey(), errorIds.get(e.getKey()), cards(lang, e.getValue())));
        }
        model.put("errors", entries);
        return model;
    }
    /** A section's articles in the order of its page, and where each one is in it. */
    private record SectionOrder(List<Article> articles, Map<Article, Integer> at) {
    }

    /** a section's articles in the order of its page, per language, computed once */
    private final Map<String, SectionOrder> sectionOrders = new java.util.concurrent.ConcurrentHashMap<>();

    /** The articles of {@code section} in the order its page lists them in {@code lang}: previous/next follow it. */
    private SectionOrder sectionOrder(Lang lang, String section) {
        return sectionOrders.computeIfAbsent(lang.code() + "/" + section, k -> {
            List<Article> in = new ArrayList<>(bySection.getOrDefault(section, List.of()));
            in.sort(Comparator.comparing((Article a) -> a.translation(lang).orElse(shownFor(a, lang)).lastModified()).reversed()
                    .thenComparing(a -> ids[positions.get(a)]));
            Map<Article, Integer> at = new java.util.IdentityHashMap<>();
            for (int i = 0; i < in.size(); i++) {
                at.put(in.get(i), i);
            }
            return new SectionOrder(List.copyOf(in), at);
        });
    }

    private Views.NamedLink cardLink(Lang lang, Article a) {
        return new Views.NamedLink(a.translation(lang).orElse(shownFor(a, lang)).title(), base.url(Routes.article(lang, a)));
    }

    /** Each h2-h4 gets a link to itself (a # after the text), labelled for screen readers in the page's language. */
    static String withHeadingLinks(String html, String label) {
        // by hand rather than with a pattern: a find() tries every position of a long page
        String anchor = "\" aria-label=\"" + Html.escape(label) + "\">#</a>";
        StringBuilder out = null;
        int from = 0;
        int at = html.indexOf("<h", from);
        while (at >= 0) {
            int idEnd = headingIdEnd(html, at);
            if (idEnd < 0) {
                at = html.indexOf("<h", at + 2);
                continue;
            }
            String close = "</h" + html.charAt(at + 2) + ">";
            int end = html.indexOf(close, idEnd + 2);
            if (end < 0) {
                break;
            }
            out = out == null ? new StringBuilder(html.length() + 256) : out;
            out.append(html, from, end).append(" <a class=\"anchor\" href=\"#").append(html, at + 8, idEnd).append(anchor).append(close);
            from = end + close.length();
            at = html.indexOf("<h", from);
        }
        return out == null ? html : out.append(html, from, html.length()).toString();
    }

    /** Where the id of {@code <h2 id="…">} (h2 to h4) starting at {@code at} ends (its closing quote), or -1. */
    private static int headingIdEnd(String html, int at) {
        if (at + 9 >= html.length()) {
            return -1;
        }
        char level = html.charAt(at + 2);
        if (level < '2' || level > '4' || !html.startsWith(" id=\"", at + 3)) {
            return -1;
        }
        int quote = html.indexOf('"', at + 8);
        return quote > at + 8 && quote + 1 < html.length() && html.charAt(quote + 1) == '>' ? quote : -1;
    }

    /** Cards for {@code articles} in {@code lang}, newest first, then by id for a stable order. */
    private List<Views.Card> cards(Lang lang, List<Article> articles) {
        record Dated(Article article, Translation shown) {
        }
        return articles.stream()
                .map(a -> new Dated(a, a.translation(lang).orElse(shownFor(a, lang))))
                .sorted(Comparator.comparing((Dated d) -> d.shown().lastModified()).reversed()
                        .thenComparing(d -> ids[positions.get(d.article())]))
                .map(d -> new Views.Card(d.shown().title(), d.shown().summary(), base.url(Routes.article(lang, d.article())),
                        d.shown().lang().code(), languageName(d.shown().lang()), !d.shown().lang().equals(lang),
                        d.shown().lastModified().toString(), formatDate(d.shown().lastModified(), lang),
                        new Views.NamedLink(config.sectionTitle(d.article().section(), lang),
                                base.url(Routes.section(lang, d.article().section())))))
                .toList();
    }

    /** The translation shown on a page in {@code lang} that has none: the default language's, else the first. */
    private Translation shownFor(Article article, Lang lang) {
        return article.translation(config.defaultLang()).orElse(article.original());
    }

    // ---- pieces ------------------------------------------------------------------------------

    private List<Output> resources() {
        List<Output> out = new ArrayList<>();
        // resources are copied beside each language's page, so relative links in the body work
        for (Article article : source.articles()) {
            for (String resource : article.resources()) {
                java.nio.file.Path from = site.resolve("content").resolve(article.section())
                        .resolve(article.slug()).resolve(resource);
                for (Lang lang : config.languages()) {
                    out.add(new Output.Copy(Routes.resource(lang, article, resource), from));
                }
            }
        }
        return out;
    }

    static String fillSlots(String html, List<String> hrefs, List<String> snippetHeads) {
        // an image whose source was dropped disappears entirely, keeping the page valid
        String withImages = replace(IMAGE_TAG, html, m -> {
            int slot = Integer.parseInt(m.group(1));
            return slot < hrefs.size() && hrefs.get(slot).isEmpty() ? "" : m.group();
        });
        String withLinks = linkSlots(withImages, hrefs);
        return replace(SNIPPET_SLOT, withLinks, m -> {
            int slot = Integer.parseInt(m.group(1));
            return slot < snippetHeads.size() ? snippetHeads.get(slot) : "";
        });
    }

    /**
     * Fills {@code  href="casebook-link:N"} and {@code  src="casebook-link:N"} with the resolved
     * URLs (a dropped one takes its attribute with it). By hand: the pattern's leading space made
     * every position of the page a candidate.
     */
    static String linkSlots(String html, List<String> hrefs) {
        String marker = "=\"casebook-link:";
        StringBuilder out = null;
        int from = 0;
        int at = html.indexOf(marker);
        while (at >= 0) {
            String attribute = html.startsWith(" href", at - 5) ? "href" : html.startsWith(" src", at - 4) ? "src" : null;
            int digits = at + marker.length();
            int end = digits;
            while (end < html.length() && html.charAt(end) >= '0' && html.charAt(end) <= '9') {
                end++;
            }
            if (attribute == null || end == digits || end >= html.length() || html.charAt(end) != '"') {
                at = html.indexOf(marker, at + 1);
                continue;
            }
            int slot = Integer.parseInt(html, digits, end, 10);
            String href = slot < hrefs.size() ? hrefs.get(slot) : "";
            out = out == null ? new StringBuilder(html.length() + 256) : out;
            out.append(html, from, at - attribute.length() - 1);
            if (!href.isEmpty()) {
                out.append(' ').append(attribute).append("=\"").append(Html.escape(href)).append('"');
            }
            from = end + 1;
            at = html.indexOf(marker, from);
        }
        return out == null ? html : out.append(html, from, html.length()).toString();
    }

    private static String replace(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return s; // most pages have no image, many no snippet: no copy of the page
        }
        StringBuilder out = new StringBuilder(s.length() + 64);
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private String languageName(Lang lang) {
        return theme.strings(lang).getOrDefault("language_name", lang.code());
    }

    private String formatDate(LocalDate date, Lang lang) {
        return dateFormats.computeIfAbsent(lang, l -> DateTimeFormatter.ofPattern(
                theme.strings(l).getOrDefault("date_format", "yyyy-MM-dd"), Locale.forLanguageTag(l.code()))).format(date);
    }

    /** Each language's date format, parsed once (formatters are immutable and thread-safe). */
    private final Map<Lang, DateTimeFormatter> dateFormats = new java.util.concurrent.ConcurrentHashMap<>();

    private static Output text(String path, String content) {
        return new Output.Bytes(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code assets/style.css} with content hash: {@code assets/style.1a2b3c4d.css}, cacheable forever. */
    static String fingerprint(String name, byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            String hash = HexFormat.of().formatHex(digest, 0, 4);
            int dot = name.lastIndexOf('.');
            return "assets/" + (dot < 0 ? name + "." + hash : name.substring(0, dot) + "." + hash + name.substring(dot));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
