package dev.casebook.render;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.List;
import java.util.Map;

/**
 * The values templates see. Every string is escaped by Pebble when printed, except the article
 * body, which the parse stage produced from escaped Markdown and is marked trusted here, in code.
 */
public final class Views {

    private Views() {
    }

    /**
     * The site as a whole, in the current page's language. {@code rulePages}: the site uses a rule
     * pack, so it has rule pages and the check page, and its snippets are checked against rules.
     * {@code snippets}: how many config snippets the language's pages have; {@code snippetsChecked}: how
     * many of them a rule or a schema checked (what the footer claims).
     */
    public record SiteView(String title, String description, String home, String root, String feed,
                           String tags, String rules, String search, String searchScript, String lang,
                           String translations, String errors, String products, List<NamedLink> sections, String check,
                           boolean rulePages, int snippets, int snippetsChecked) {
    }

    /** What every page has: title, canonical URL, alternates for other languages, language switcher. */
    public record PageView(String kind, String lang, String title, String description, String canonical,
                           List<Alternate> alternates, List<LangLink> languages, boolean untranslated,
                           List<Meta> meta, SafeString structuredData) {

        /** True when the page carries JSON-LD. */
        public boolean hasStructuredData() {
            return !structuredData.toString().isEmpty();
        }

        /** The page with what it says to link previews and search engines. */
        PageView described(List<Meta> tags, SafeString data) {
            return new PageView(kind, lang, title, description, canonical, alternates, languages, untranslated, tags, data);
        }
    }

    /** A {@code <meta>} of the page's head: {@code property} (Open Graph) or {@code name} (Twitter), its key and content. */
    public record Meta(String attribute, String key, String content) {
        static Meta property(String key, String content) {
            return new Meta("property", key, content);
        }

        static Meta name(String key, String content) {
            return new Meta("name", key, content);
        }
    }

    /** A {@code <link rel="alternate" hreflang>}: a language code or {@code x-default}, and an absolute URL. */
    public record Alternate(String hreflang, String href) {
    }

    /** An entry of the language switcher: where this page is in another language. */
    public record LangLink(String code, String name, String href, boolean current) {
    }

    /** A named link: a tag, a section, a source. */
    public record NamedLink(String name, String href) {
    }

    public record Version(String product, String version) {
    }

    public record TocEntry(int level, String text, String id) {
    }

    /**
     * An article page, in five parts; the templates read each value by its own name
     * ({@code article.title}, {@code article.dateIso}…), so the parts can change without a theme
     * noticing. When the page's language has no translation, {@code contentLang} is the
     * original's language and {@code originalName}/{@code originalHref} say where the original is.
     */
    public record ArticleView(Text text, Dates dates, Facts facts, Notices notices, Around around) {

        /** What the article says: its title, summary and body, the language they are in, and its table of contents. */
        public record Text(String title, String summary, String contentLang, SafeString html, List<TocEntry> toc,
                           boolean hasCode, String fixId) {
        }

        /** When it was published and last changed: ISO for machines, formatted for readers. */
        public record Dates(String dateIso, String dateText, String updatedIso, String updatedText) {
        }

        /**
         * Its section and the language-neutral facts, as links where they have pages;
         * {@code values} holds every written fact's raw value by key, for themes that show more.
         */
        public record Facts(NamedLink section, List<NamedLink> tags, List<NamedLink> products, List<String> errors,
                            List<Version> verifiedWith, Map<String, Object> values) {
        }

        /** The notices a translation can carry: not translated yet, or made from an older original. */
        public record Notices(String originalName, String originalHref, String outdatedName, String outdatedLang,
                              String outdatedHref) {
        }

        /** Where to go from here: edit the page, the previous and next article of the section, related articles. */
        public record Around(String editHref, NamedLink previous, NamedLink next, List<Card> related, String stillBrokenHref) {
        }

        public String title() {
            return text.title();
        }

        public String summary() {
            return text.summary();
        }

        public String contentLang() {
            return text.contentLang();
        }

        public SafeString html() {
            return text.html();
        }

        public List<TocEntry> toc() {
            return text.toc();
        }

        public boolean hasCode() {
            return text.hasCode();
        }

        public String fixId() {
            return text.fixId();
        }

        public String dateIso() {
            return dates.dateIso();
        }

        public String dateText() {
            return dates.dateText();
        }

        public String updatedIso() {
            return dates.updatedIso();
        }

        public String updatedText() {
            return dates.updatedText();
        }

        public NamedLink section() {
            return facts.section();
        }

        public List<NamedLink> tags() {
            return facts.tags();
        }

        public List<NamedLink> products() {
            return facts.products();
        }

        public List<String> errors() {
            return facts.errors();
        }

        public List<Version> verifiedWith() {
            return facts.verifiedWith();
        }

        public String originalName() {
            return notices.originalName();
        }

        public String originalHref() {
            return notices.originalHref();
        }

        public String outdatedName() {
            return notices.outdatedName();
        }

        public String outdatedLang() {
            return notices.outdatedLang();
        }

        public String outdatedHref() {
            return notices.outdatedHref();
        }

        public String editHref() {
            return around.editHref();
        }

        public NamedLink previous() {
            return around.previous();
        }

        public NamedLink next() {
            return around.next();
        }

        public List<Card> related() {
            return around.related();
        }

        /** A new issue in the site's repository, prefilled for a reader whose problem the article did not solve; empty without one. */
        public String stillBrokenHref() {
            return around.stillBrokenHref();
        }
    }

    /** An error string and the articles that explain it, on the error index. */
    public record ErrorEntry(String error, String id, List<Card> articles) {
    }

    /** A translation state as the status page names it: {@code name} for CSS, {@code label} for readers. */
    public record StateLabel(String name, String label) {
    }

    /** One row of figures: a name and a number per column. */
    public record CountRow(String name, List<Integer> values) {
    }

    /** An article's row on the status page: its states in the site's languages. */
    public record StatusRow(String title, String href, List<StateLabel> cells) {
    }

    /** The translation status page: a chart drawn at build time, the figures, and every article. */
    public record StatusView(SafeString chart, List<StateLabel> states, List<CountRow> counts, List<String> languages,
                             List<StatusRow> articles) {
    }

    /** An article in a list. {@code contentLang} differs from the page's language when untranslated. */
    public record Card(String title, String summary, String href, String contentLang, String langName,
                       boolean untranslated, String dateIso, String dateText, NamedLink section) {
    }

    public record SectionView(String name, String title, String href, List<Card> articles) {
    }

    public record TagView(String name, String href, List<Card> articles) {
    }

    /**
     * A product's page: its articles, the error messages they explain (each linking into the error
     * index) and the rules they demonstrate.
     */
    public record ProductView(String id, String name, String href, List<Card> articles, List<NamedLink> errors,
                              List<RuleSummary> rules) {
    }

    /** A rule in the rules index. {@code articles} counts the articles that demonstrate it. */
    public record RuleSummary(String id, String href, String severity, String severityName, SafeString title, String kinds,
                              int articles) {
    }

    /** A rule's page: what it catches, why, the fix, evidence, executed examples, and demonstrating articles. */
    public record RuleView(RuleSummary summary, SafeString message, SafeString why, SafeString fix, List<NamedLink> evidence,
                           List<ExampleView> examples, List<Card> articles) {
    }

    public record ExampleView(String name, boolean failing, String expect, List<String> environment,
                              List<ExampleFileView> files) {
    }

    public record ExampleFileView(String name, String code) {
    }

    /** The 404 page and the language chooser show every language at once. */
    public record LangMessage(String code, String name, String title, String text, String href, String linkText) {
    }
}
