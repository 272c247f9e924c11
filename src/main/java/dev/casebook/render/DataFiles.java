package dev.casebook.render;

import dev.casebook.content.Article;
import dev.casebook.content.BaseUrl;
import dev.casebook.content.TranslationResult;
import dev.casebook.content.Lang;
import dev.casebook.content.Output;
import dev.casebook.content.Routes;
import dev.casebook.content.SiteConfig;
import dev.casebook.content.SnippetVerdict;
import dev.casebook.content.SiteContent;
import dev.casebook.content.Translation;
import dev.casebook.diag.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The knowledge base as data for tools and assistants, beside the pages:
 * <ul>
 *   <li>{@code errors.json}: each error string an article solves → the articles, in every
 *       language they are written in, and the rules they demonstrate;</li>
 *   <li>{@code articles.json}: each article's URLs, titles and summaries per language, its errors,
 *       products, tags, versions and rules;</li>
 *   <li>{@code llms.txt}, as the llmstxt.org convention has it: the site, then the articles of
 *       each language with their summaries.</li>
 * </ul>
 * URLs are absolute when the site has a base URL with a host, else paths under the base path.
 * Everything is sorted, so the files are byte-identical from build to build.
 */
final class DataFiles {

    private final SiteContent source;
    private final SiteConfig config;
    private final BaseUrl base;
    private final Map<String, TranslationResult> entries;

    DataFiles(SiteContent source, Map<String, TranslationResult> entries) {
        this.source = source;
        this.config = source.config();
        this.base = config.baseUrl();
        this.entries = entries;
    }

    List<Output> files() {
        return List.of(
                new Output.Lazy("errors.json", () -> bytes(errors())),
                new Output.Lazy("articles.json", () -> bytes(articles())),
                new Output.Lazy("llms.txt", () -> bytes(llms())));
    }

    /** The rules an article's snippets demonstrate (an {@code expect=} that holds), sorted. */
    private Set<String> rules(Article a) {
        Set<String> rules = new TreeSet<>();
        for (Translation t : a.translations()) {
            TranslationResult e = entries.get(t.path());
            if (e != null) {
                e.snippets().stream().filter(c -> c.status() == SnippetVerdict.Status.SHOWS).forEach(c -> rules.addAll(c.rules()));
            }
        }
        return rules;
    }

    private String url(Lang lang, Article a) {
        return base.absolute(Routes.article(lang, a));
    }

    /** {"zh": ..., "en": ...} over the languages the article is written in, in site order. */
    private String perLanguage(Article a, Function<Translation, String> value) {
        return a.translations().stream().map(t -> js(t.lang().code()) + ": " + js(value.apply(t)))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String strings(Collection<String> values) {
        return values.stream().map(DataFiles::js).collect(Collectors.joining(", ", "[", "]"));
    }

    String errors() {
        Map<String, List<Article>> byError = new TreeMap<>();
        for (Article a : source.articles()) {
            for (String error : new TreeSet<>(a.facts().errors())) {
                byError.computeIfAbsent(error, k -> new ArrayList<>()).add(a);
            }
        }
        StringBuilder json = new StringBuilder("{\n  \"errors\": [");
        boolean first = true;
        for (Map.Entry<String, List<Article>> e : byError.entrySet()) {
            Set<String> rules = new TreeSet<>();
            json.append(first ? "\n" : ",\n").append("    {\"error\": ").append(js(e.getKey())).append(", \"articles\": [");
            first = false;
            for (int i = 0; i < e.getValue().size(); i++) {
                Article a = e.getValue().get(i);
                rules.addAll(rules(a));
                json.append(i == 0 ? "" : ", ").append("{\"id\": ").append(js(a.id()))
                        .append(", \"urls\": ").append(perLanguage(a, t -> url(t.lang(), a)))
                        .append(", \"titles\": ").append(perLanguage(a, Translation::title)).append('}');
            }
            json.append("], \"rules\": ").append(strings(rules)).append('}');
        }
        return json.append(byError.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    String articles() {
        StringBuilder json = new StringBuilder("{\n  \"articles\": [");
        List<Article> articles = source.articles();
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            String versions = a.facts().verifiedWith().entrySet().stream()
                    .map(v -> js(v.getKey()) + ": " + js(v.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
            json.append(i == 0 ? "\n" : ",\n").append("    {\"id\": ").append(js(a.id()))
                    .append(", \"section\": ").append(js(a.section()))
                    .append(", \"urls\": ").append(perLanguage(a, t -> url(t.lang(), a)))
                    .append(", \"titles\": ").append(perLanguage(a, Translation::title))
                    .append(", \"summaries\": ").append(perLanguage(a, Translation::summary))
                    .append(", \"errors\": ").append(strings(a.facts().errors()))
                    .append(", \"products\": ").append(strings(a.facts().products()))
                    .append(", \"tags\": ").append(strings(a.facts().tags()))
                    .append(", \"versions\": ").append(versions)
                    .append(", \"rules\": ").append(strings(rules(a))).append('}');
        }
        return json.append(articles.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    String llms() {
        Lang first = config.defaultLang();
        StringBuilder md = new StringBuilder("# ").append(oneLine(config.title(first))).append("\n\n> ")
                .append(oneLine(config.description(first))).append("\n\n");
        md.append("Troubleshooting articles, each with the exact error strings it solves and configs checked at build time. ")
                .append("Machine-readable: ").append(base.absolute("articles.json")).append(" and ")
                .append(base.absolute("errors.json")).append(".\n");
        for (Lang lang : config.languages()) {
            md.append("\n## ").append(oneLine(config.title(lang))).append(" (").append(lang.code()).append(")\n\n");
            for (Article a : source.articles()) {
                a.translation(lang).ifPresent(t -> md.append("- [").append(oneLine(t.title())).append("](")
                        .append(url(lang, a)).append("): ").append(oneLine(t.summary())).append('\n'));
            }
        }
        return md.toString();
    }

    /** Text in llms.txt: one line, and no markup a Markdown reader would run (titles come from pull requests). */
    /**
     * Text for llms.txt, which is Markdown: on one line, brackets escaped and HTML as text, so a
     * title or summary cannot add a link, a remote image or markup, and reads as written otherwise.
     */
    private static String oneLine(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.replace('\n', ' ').replace('\r', ' ').strip().toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (c == '\\' || c == '[' || c == ']') {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** A JSON string that is also safe inside an HTML page: {@code < > &} as unicode escapes. */
    private static String js(String s) {
        return Json.string(s).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
