package dev.casebook.render;

import dev.casebook.content.Article;
import dev.casebook.content.BaseUrl;
import dev.casebook.content.TranslationResult;
import dev.casebook.content.Lang;
import dev.casebook.content.Output;
import dev.casebook.content.Routes;
import dev.casebook.content.SiteConfig;
import dev.casebook.content.SiteContent;
import dev.casebook.content.TranslationReport;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.validate.Catalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The render stage: every page of every kind in {@link PageKinds}, through the theme's templates,
 * plus the files beside the pages (bundle resources, assets, feeds, data files, and what GitHub
 * Pages wants: {@code .nojekyll}, {@code CNAME}, {@code robots.txt}, {@code sitemap.xml}). Pages
 * are {@link Output.Lazy}: each is rendered when it is written or served.
 *
 * <p>Diagnostic id: {@code config-template} (a template failed; exit code 2).
 */
public final class SiteRenderer {

    private final Path site;
    private final SiteContent source;
    private final Theme theme;
    private final Map<String, TranslationResult> entries;
    private final Catalog catalog;
    private final TranslationReport translations;
    private final RenderCache cache;

    /**
     * @param site         the site folder, to copy bundle files from
     * @param entries      every translation with its document, snippet checks and resolved links, by path
     * @param catalog      the rules, for the rule pages
     * @param translations where each translation stands, for notices and the status page
     */
    public SiteRenderer(Path site, SiteContent source, Theme theme, Map<String, TranslationResult> entries, Catalog catalog,
                        TranslationReport translations) {
        this(site, source, theme, entries, catalog, translations, null);
    }

    /** As above; {@code cache} (the preview's, or null) carries groupings from one render to the next. */
    public SiteRenderer(Path site, SiteContent source, Theme theme, Map<String, TranslationResult> entries, Catalog catalog,
                        TranslationReport translations, RenderCache cache) {
        this.cache = cache;
        this.site = site;
        this.source = source;
        this.theme = theme;
        this.entries = entries;
        this.catalog = catalog;
        this.translations = translations;
    }

    /** Loads Pebble and its escaping tables before the first page needs them (see the pipeline's warm-up). */
    public static String warmUp() {
        return Templates.warmUp();
    }

    public Outcome<List<Output>> render() {
        SiteConfig config = source.config();
        BaseUrl base = config.baseUrl();
        RenderCache.Groupings groupings = cache == null ? RenderCache.Groupings.of(source, entries) : cache.groupings(source, entries);
        SiteIndex index = groupings.index();
        Assets assets = new Assets(theme, base, !catalog.rules().isEmpty(),
                config.cardImage().map(image -> site.resolve("content").resolve(image)));
        PageContext context = new PageContext(source, theme, entries, catalog, translations, index,
                groupings.related(), assets, cache);
        Templates templates = new Templates(theme);
        List<Page> pages = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Output> resources = resources(config);
        Set<String> taken = new HashSet<>();
        resources.forEach(r -> taken.add(r.path())); // a bundle's files have their addresses too
        for (PageKind kind : PageKinds.all()) {
            for (Page page : kind.pages(context)) {
                if (taken.add(page.file())) {
                    pages.add(page);
                } else if (page.declared().isPresent()) {
                    // content asked for an address another page has: that page keeps it
                    Page.Declared declared = page.declared().get();
                    diagnostics.add(Diagnostic.error("alias-collision", declared.pos(), declared.what()
                            + " wants /" + page.path() + ", which another page of the site has",
                            "remove the alias, or give the old address to one article only"));
                } else {
                    throw new IllegalStateException("two pages at " + page.file()); // page kinds never share an address
                }
            }
        }

        List<Output> outputs = new ArrayList<>();
        for (Page page : pages) {
            outputs.add(new Output.Lazy(page.file(), () -> {
                Outcome<byte[]> html = templates.render(page.template(), page.model().apply(context), page.path());
                if (html.hasErrors()) {
                    throw new Output.Failure(html.diagnostics().get(0));
                }
                return html.value();
            }));
        }
        outputs.addAll(resources);
        outputs.addAll(assets.outputs());
        outputs.addAll(new Feeds(source, base, theme).feeds());
        outputs.addAll(new DataFiles(source, entries).files());
        outputs.add(text(".nojekyll", ""));
        config.cname().ifPresent(c -> outputs.add(text("CNAME", c + "\n")));
        outputs.add(text("robots.txt", "User-agent: *\nAllow: /\n"
                + (base.hasOrigin() ? "Sitemap: " + base.absolute("sitemap.xml") + "\n" : "")));
        if (base.hasOrigin()) {
            outputs.add(new Output.Lazy("sitemap.xml", () -> new Sitemap(base, pages).xml().getBytes(StandardCharsets.UTF_8)));
        }
        return Outcome.of(outputs, diagnostics);
    }

    /** Each bundle's files, copied beside the article's page in every language, so relative links in the body work. */
    private List<Output> resources(SiteConfig config) {
        List<Output> out = new ArrayList<>();
        for (Article article : source.articles()) {
            for (String resource : article.resources()) {
                Path from = site.resolve("content").resolve(article.section()).resolve(article.slug()).resolve(resource);
                for (Lang lang : config.languages()) {
                    out.add(new Output.Copy(Routes.resource(lang, article, resource), from));
                }
            }
        }
        return out;
    }

    private static Output text(String path, String content) {
        return new Output.Bytes(path, content.getBytes(StandardCharsets.UTF_8));
    }
}
