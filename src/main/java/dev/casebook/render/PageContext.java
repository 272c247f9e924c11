package dev.casebook.render;

import dev.casebook.content.Article;
import dev.casebook.content.BaseUrl;
import dev.casebook.content.TranslationResult;
import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import dev.casebook.content.SiteConfig;
import dev.casebook.content.SiteContent;
import dev.casebook.content.Translation;
import dev.casebook.content.TranslationReport;
import dev.casebook.diag.Json;
import dev.casebook.validate.Catalog;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What every page kind reads from: the checked content, the site's groupings, the theme, and the
 * pieces of a model every page shares (the site header, the language switcher, article cards).
 */
final class PageContext {

    final SiteContent source;
    final SiteConfig config;
    final BaseUrl base;
    final Theme theme;
    final SiteIndex index;
    final Map<String, TranslationResult> entries;
    final Catalog catalog;
    final TranslationReport translations;
    final RelatedArticles related;
    final BodyHtml body;
    final RenderCache cache;
    private final Assets assets;
    private final Map<Lang, DateTimeFormatter> dateFormats = new ConcurrentHashMap<>();
    /** the translation report's rows by article id, made when the first page asks */
    private volatile Map<String, TranslationReport.Row> translationRows;
    /** per language, the heading texts that name an article's fix (the theme's {@code fix_headings}) */
    private final Map<Lang, Set<String>> fixHeadings = new ConcurrentHashMap<>();

    /** {@code cache}: the preview's, which keeps pages from one render to the next; null in a one-off build. */
    PageContext(SiteContent source, Theme theme, Map<String, TranslationResult> entries, Catalog catalog, TranslationReport translations,
                SiteIndex index, RelatedArticles related, Assets assets, RenderCache cache) {
        this.source = source;
        this.config = source.config();
        this.base = config.baseUrl();
        this.theme = theme;
        this.index = index;
        this.entries = entries;
        this.catalog = catalog;
        this.translations = translations;
        this.related = related;
        this.cache = cache;
        this.body = new BodyHtml(base, theme);
        this.assets = assets;
    }

    /** Where the article's translation into {@code lang} stands (missing when the report has no row for it). */
    TranslationReport.State translationState(Article article, Lang lang) {
        Map<String, TranslationReport.Row> rows = translationRows;
        if (rows == null) {
            rows = new HashMap<>(translations.rows().size() * 2);
            for (TranslationReport.Row row : translations.rows()) {
                rows.put(row.article(), row);
            }
            translationRows = rows;
        }
        TranslationReport.Row row = rows.get(article.id());
        return row == null ? TranslationReport.State.MISSING : row.states().getOrDefault(lang, TranslationReport.State.MISSING);
    }

    /** The heading texts that name an article's fix in {@code lang} (the theme's {@code fix_headings}, split at {@code |}). */
    Set<String> fixHeadings(Lang lang) {
        return fixHeadings.computeIfAbsent(lang, l -> Set.copyOf(Arrays.asList(strings(l).getOrDefault("fix_headings", "").split("\\|"))));
    }

    /** True when the site uses a rule pack: it then has rule pages, the check page and the checker. */
    boolean hasRules() {
        return !catalog.rules().isEmpty();
    }

    Map<String, String> strings(Lang lang) {
        return theme.strings(lang);
    }

    /** The model every template gets: the site, the page, the UI strings and the asset URLs. */
    Map<String, Object> model(Lang lang, Views.PageView page) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", new Views.SiteView(config.title(lang), config.description(lang), base.url(Routes.home(lang)),
                base.url(Routes.root()), base.url(Routes.feed(lang)), base.url(Routes.tags(lang)),
                base.url(Routes.rules(lang)), base.url(Routes.search(lang)), base.url(Routes.searchScript()), lang.code(),
                base.url(Routes.translations(lang)), base.url(Routes.errors(lang)), base.url(Routes.products(lang)),
                index.sections().stream().map(s -> new Views.NamedLink(config.sectionTitle(s, lang), base.url(Routes.section(lang, s))))
                        .toList(), base.url(Routes.check(lang)), hasRules(), index.snippets(lang).configs(),
                index.snippets(lang).checked()));
        model.put("languageNames", languageNames());
        model.put("page", page);
        model.put("navSection", ""); // the address of the section the page belongs to, for the menu to mark
        model.put("t", theme.strings(lang));
        model.put("assets", assets.urls());
        return model;
    }

    /** A page that exists in every language at {@code pathIn}: its canonical URL and alternates follow from that. */
    Views.PageView pageInEveryLanguage(String kind, Lang lang, String title, String description, Function<Lang, String> pathIn) {
        return page(kind, lang, title, description, pathIn, pathIn.apply(config.defaultLang()), config.languages(),
                pathIn.apply(lang), false);
    }

    Views.PageView page(String kind, Lang lang, String title, String description, Function<Lang, String> pathIn,
                        String xDefault, List<Lang> alternateLangs, String canonical, boolean untranslated) {
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
        Views.PageView view = new Views.PageView(kind, lang.code(), title, description, base.absolute(canonical), alternates,
                switcher, untranslated, List.of(), NO_DATA);
        // previews and structured data need absolute URLs; the 404 page has no address of its own
        if (!base.hasOrigin() || kind.equals("404")) {
            return view;
        }
        return view.described(LinkPreview.tags(config.title(lang), view, "website", cardImage()), NO_DATA);
    }

    private static final SafeString NO_DATA = new SafeString("");

    /** The site's card image for link previews, as an absolute URL, when {@code _site.yaml} names one. */
    Optional<String> cardImage() {
        return assets.cardImage().map(base::absolute);
    }

    /** The listing of a page that exists in every language, for the sitemap. */
    Page.Listing everyLanguage(Function<Lang, String> pathIn) {
        return new Page.Listing(config.languages(), pathIn, Optional.empty());
    }

    /** {"zh":"中文","en":"English"}: the language badges of search results. */
    private String languageNames() {
        StringBuilder json = new StringBuilder("{");
        for (Lang l : config.languages()) {
            json.append(json.length() > 1 ? "," : "").append(Json.string(l.code())).append(':')
                    .append(Json.string(languageName(l)));
        }
        return json.append('}').toString();
    }

    /** Cards for {@code articles} in {@code lang}, newest first, then by id for a stable order. */
    List<Views.Card> cards(Lang lang, List<Article> articles) {
        return index.newestFirst(lang, articles).stream().map(a -> card(lang, a)).toList();
    }

    private Views.Card card(Lang lang, Article a) {
        Translation shown = index.shown(a, lang);
        return new Views.Card(shown.title(), shown.summary(), base.url(Routes.article(lang, a)),
                shown.lang().code(), languageName(shown.lang()), !shown.lang().equals(lang),
                shown.lastModified().toString(), formatDate(shown.lastModified(), lang),
                new Views.NamedLink(config.sectionTitle(a.section(), lang), base.url(Routes.section(lang, a.section()))));
    }

    Views.NamedLink cardLink(Lang lang, Article a) {
        return new Views.NamedLink(index.shown(a, lang).title(), base.url(Routes.article(lang, a)));
    }

    /** One message per language (the root and 404 pages speak every language at once). */
    List<Views.LangMessage> messages(String titleKey, String textKey, Function<Lang, String> path, String linkKey) {
        return config.languages().stream().map(l -> {
            Map<String, String> s = theme.strings(l);
            return new Views.LangMessage(l.code(), languageName(l), s.get(titleKey), s.get(textKey),
                    base.url(path.apply(l)), s.get(linkKey));
        }).toList();
    }

    String languageName(Lang lang) {
        return theme.strings(lang).getOrDefault("language_name", lang.code());
    }

    String formatDate(LocalDate date, Lang lang) {
        return dateFormats.computeIfAbsent(lang, l -> DateTimeFormatter.ofPattern(
                theme.strings(l).getOrDefault("date_format", "yyyy-MM-dd"), Locale.forLanguageTag(l.code()))).format(date);
    }
}
