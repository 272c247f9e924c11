package dev.casebook.check;

import dev.casebook.content.Article;
import dev.casebook.content.BaseUrl;
import dev.casebook.content.Document;
import dev.casebook.content.Heading;
import dev.casebook.content.Lang;
import dev.casebook.content.Link;
import dev.casebook.content.Routes;
import dev.casebook.content.SiteContent;
import dev.casebook.content.Translation;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.Suggestions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The link part of the check stage: turns every link slot of a translation into the URL it will
 * have on the site. A relative link to another article's {@code index.<lang>.md}, or to its folder,
 * becomes that page's URL, so the same Markdown works on GitHub and on the site.
 *
 * <p>Diagnostic ids: {@code broken-link} (error: the target does not exist or leaves
 * {@code content/}), {@code broken-anchor} (warning: no such heading), {@code unsafe-link}
 * (warning: a scheme such as {@code javascript:}; the link is dropped).
 */
public final class LinkChecker {

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern INDEX = Pattern.compile("index\\.([a-z0-9-]+)\\.md");

    private final SiteContent source;
    private final Function<String, Document> documents;
    private final BaseUrl base;
    private final Map<String, Article> articles = new HashMap<>();
    private final Set<String> sections = new HashSet<>();

    /**
     * @param documents the parsed document of a translation path
     */
    public LinkChecker(SiteContent source, Function<String, Document> documents) {
        this.source = source;
        this.documents = documents;
        this.base = source.config().baseUrl();
        for (Article a : source.articles()) {
            articles.put(a.id(), a);
            sections.add(a.section());
        }
    }

    /** The href for each link slot of {@code translation}, in slot order; empty means "drop the link". */
    public Outcome<List<String>> resolve(Article article, Translation translation) {
        Document doc = documents.apply(translation.path());
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> hrefs = new ArrayList<>();
        for (Link link : doc.links()) {
            hrefs.add(resolve(article, translation, link, diagnostics));
        }
        return Outcome.of(hrefs, diagnostics);
    }

    private String resolve(Article article, Translation from, Link link, List<Diagnostic> diagnostics) {
        String target = link.target().strip();
        Matcher scheme = SCHEME.matcher(target);
        if (scheme.find()) {
            diagnostics.add(Diagnostic.warning("unsafe-link", link.pos(),
                    "link with scheme `" + scheme.group(1).toLowerCase(Locale.ROOT) + ":` removed",
                    "only http:, https:, mailto: and links inside the site are kept"));
            return "";
        }
        if (target.startsWith("//")) {
            return "https:" + target;
        }
        if (target.startsWith("#")) {
            checkAnchor(article, from.lang(), target, link, diagnostics);
            return target;
        }
        String fragment = "";
        int hash = target.indexOf('#');
        if (hash >= 0) {
            fragment = target.substring(hash);
            target = target.substring(0, hash);
        }
        int query = target.indexOf('?');
        if (query >= 0) {
            target = target.substring(0, query);
        }
        if (target.startsWith("/")) {
            return base.url(target) + fragment; // root-relative: relative to the site, under the base path
        }
        String decoded = URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
        String bundleDir = "content/" + article.section() + "/" + article.slug();
        Optional<String> path = normalize(bundleDir + "/" + decoded);
        if (path.isEmpty() || !path.get().startsWith("content/") && !path.get().equals("content")) {
            diagnostics.add(Diagnostic.error("broken-link", link.pos(), "link `" + link.target() + "` leaves the content folder",
                    "link to articles as ../../<section>/<slug>/index." + from.lang() + ".md"));
            return "";
        }
        String[] parts = path.get().split("/");
        // content / section / slug / [file]
        if (parts.length == 1) {
            return base.url(Routes.home(from.lang())) + fragment;
        }
        if (parts.length == 2) {
            String section = parts[1];
            if (sections.contains(section)) {
                return base.url(Routes.section(from.lang(), section)) + fragment;
            }
            return broken(link, "no section `" + section + "`", ARTICLE_HINT, diagnostics);
        }
        String id = parts[1] + "/" + parts[2];
        Optional<Article> target2 = Optional.ofNullable(articles.get(id));
        if (target2.isEmpty()) {
            return broken(link, "no article at content/" + id, ARTICLE_HINT, diagnostics);
        }
        Article to = target2.get();
        Lang lang = from.lang();
        if (parts.length > 3) {
            String rest = String.join("/", Arrays.copyOfRange(parts, 3, parts.length));
            Matcher index = INDEX.matcher(rest);
            if (index.matches()) {
                String code = index.group(1);
                if (!Lang.isValid(code) || !source.config().languages().contains(new Lang(code))) {
                    return broken(link, "`" + code + "` is not one of the site's languages", ARTICLE_HINT, diagnostics);
                }
                lang = new Lang(code);
                if (to.translation(lang).isEmpty()) {
                    return broken(link, "content/" + id + " has no index." + code + ".md",
                            "link to the folder (../../" + id + "/) to reach the page in the reader's language", diagnostics);
                }
            } else if (to.resources().contains(rest)) {
                return base.url(Routes.encode(Routes.resource(from.lang(), to, rest))) + fragment;
            } else {
                return broken(link, "no file content/" + id + "/" + rest,
                        "put the file in the article's folder, or fix the path (it is relative to the Markdown file)", diagnostics);
            }
        }
        checkAnchor(to, lang, fragment, link, diagnostics);
        return base.url(Routes.article(lang, to)) + fragment;
    }

    private void checkAnchor(Article to, Lang lang, String fragment, Link link, List<Diagnostic> diagnostics) {
        if (fragment.length() <= 1) {
            return;
        }
        String anchor = URLDecoder.decode(fragment.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        Translation shown = to.translation(lang).orElse(to.original());
        Document doc = documents.apply(shown.path());
        if (doc == null || doc.headings().stream().map(Heading::id).anyMatch(anchor::equals)) {
            return;
        }
        List<String> ids = doc.headings().stream().map(Heading::id).toList();
        String where = shown.path().equals(link.pos().path()) ? "this page" : shown.path();
        diagnostics.add(Diagnostic.warning("broken-anchor", link.pos(),
                "no heading `#" + anchor + "` in " + where,
                ids.isEmpty() ? where + " has no headings" : Suggestions.hint(anchor, ids)));
    }

    private static final String ARTICLE_HINT =
            "link to another article as ../../<section>/<slug>/index.<lang>.md (drafts are not published)";

    private String broken(Link link, String why, String hint, List<Diagnostic> diagnostics) {
        List<String> ids = source.articles().stream().map(Article::id).toList();
        String guess = hint.equals(ARTICLE_HINT)
                ? Suggestions.closest(link.target().replaceAll("(^[./]+)|(/index\\.[a-z-]+\\.md$)|/$", ""), ids)
                        .map(id -> "did you mean content/" + id + "/? ").orElse("")
                : "";
        diagnostics.add(Diagnostic.error("broken-link", link.pos(), "broken link `" + link.target() + "`: " + why, guess + hint));
        return "";
    }

    /** Resolves . and .. in a slash path; empty when it climbs above the start. */
    static Optional<String> normalize(String path) {
        Deque<String> out = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (out.isEmpty()) {
                    return Optional.empty();
                }
                out.removeLast();
            } else {
                out.addLast(part);
            }
        }
        return Optional.of(String.join("/", out));
    }
}
