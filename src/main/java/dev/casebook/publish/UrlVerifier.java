package dev.casebook.publish;

import dev.casebook.content.BaseUrl;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.SourcePos;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.zip.GZIPInputStream;

/**
 * The last check of a build: every internal URL in every page, the sitemap, the feeds and the
 * search files (the documents of the fragments, the index the client names) must name a file of
 * the output, under the base path. It reads what the build
 * produced, not what it meant to produce, so a template, a route or a root-relative link in
 * Markdown that points nowhere is caught before a reader meets the 404.
 *
 * <p>Internal means: a path under the base path ({@code /kb/...}), the same with the site's
 * origin, or a relative URL. A root-relative path outside the base path is always wrong on a
 * project site. {@code x/} names {@code x/index.html}; {@code x} may also name
 * {@code x/index.html}, as GitHub Pages serves it.
 *
 * <p>Diagnostic id: {@code dangling-url} (error).
 */
public final class UrlVerifier {

    /** Where a page came from, to put a diagnostic at the Markdown link that made the URL. */
    public interface Locator {
        /** The position of the link on the page's source that produced {@code url}, if it came from content. */
        Optional<SourcePos> find(String pagePath, String url);
    }

    private static final byte[][] OPENERS = {
            "href=\"".getBytes(StandardCharsets.US_ASCII),
            "src=\"".getBytes(StandardCharsets.US_ASCII),
            "<loc>".getBytes(StandardCharsets.US_ASCII),
            "\"u\":\"".getBytes(StandardCharsets.US_ASCII),
            "Sitemap: ".getBytes(StandardCharsets.US_ASCII),
            "// index: ".getBytes(StandardCharsets.US_ASCII),
    };
    private static final byte[] CLOSERS = {'"', '"', '<', '"', '\n', '\n'};
    /** The opener that starts with each byte, or -1: no two openers start alike, so one look decides. */
    private static final int[] OPENER_BY_FIRST_BYTE = new int[256];

    static {
        Arrays.fill(OPENER_BY_FIRST_BYTE, -1);
        for (int k = 0; k < OPENERS.length; k++) {
            int first = OPENERS[k][0] & 0xff;
            if (OPENER_BY_FIRST_BYTE[first] >= 0) {
                throw new IllegalStateException("two URL openers start with the same byte");
            }
            OPENER_BY_FIRST_BYTE[first] = k;
        }
    }

    private final BaseUrl base;
    private final Set<String> files;
    private final String outputLabel;
    private final Locator locator;
    /** URLs that name a file of the site from any page (root-relative or absolute) */
    private final Set<String> found = ConcurrentHashMap.newKeySet();
    /** dangling URL → the pages that use it */
    private final ConcurrentMap<String, Set<String>> dangling = new ConcurrentHashMap<>();

    /**
     * @param files       every site path the build produces
     * @param outputLabel how to name the output folder in a diagnostic about a page no content made
     */
    public UrlVerifier(BaseUrl base, Set<String> files, String outputLabel, Locator locator) {
        this.base = base;
        this.files = ConcurrentHashMap.newKeySet(files.size() * 2);
        this.files.addAll(files);
        this.outputLabel = outputLabel;
        this.locator = locator;
    }

    /** Adds files produced after the check began (the search index), before any file linking to them is read. */
    public void addFiles(Collection<String> paths) {
        files.addAll(paths);
    }

    /** Whether {@code path} is a file whose URLs this check reads. */
    public static boolean reads(String path) {
        return path.endsWith(".html") || path.endsWith(".xml") || path.equals("robots.txt")
                || path.equals("search/search.js")
                || path.startsWith("search/") && path.contains("/f/") && path.endsWith(".bin");
    }

    /** Reads the URLs of one produced file; safe to call from several threads. */
    public void scan(String path, byte[] content) {
        byte[] text = path.endsWith(".bin") ? gunzip(content) : content;
        for (int i = 0; i < text.length; i++) {
            int k = OPENER_BY_FIRST_BYTE[text[i] & 0xff];
            if (k < 0 || !startsWith(text, i, OPENERS[k])) {
                continue;
            }
            int start = i + OPENERS[k].length;
            int end = start;
            while (end < text.length && text[end] != CLOSERS[k]) {
                end++;
            }
            String url = new String(text, start, end - start, StandardCharsets.UTF_8).strip();
            check(path, k == 3 ? unescapeJson(url) : unescapeHtml(url));
            i = end;
        }
    }

    private void check(String page, String url) {
        boolean anyPage = url.startsWith("/") || base.hasOrigin() && url.startsWith(base.origin());
        if (anyPage && found.contains(url)) {
            return; // the header's, footer's and menu's links, on every page: resolved once
        }
        Optional<Target> target = target(page, url);
        if (target.isEmpty()) {
            return; // not internal: another site, mailto:, a fragment of this page
        }
        if (target.get().outside()) {
            dangling.computeIfAbsent(url, u -> new ConcurrentSkipListSet<>()).add(page);
            return;
        }
        String p = target.get().path();
        if (p.isEmpty() || p.endsWith("/")) {
            p = p + "index.html";
        }
        if (files.contains(p) || files.contains(p + "/index.html")) {
            if (anyPage) {
                found.add(url);
            }
            return;
        }
        dangling.computeIfAbsent(url, u -> new ConcurrentSkipListSet<>()).add(page);
    }

    /** Where an internal URL leads: a path in the site, or somewhere on this host outside it. */
    private record Target(String path, boolean outside) {
        static final Target OUTSIDE = new Target("", true);

        static Target inside(String path) {
            return new Target(path, false);
        }
    }

    /** Where {@code url} leads on this host; empty when it is not internal. */
    private Optional<Target> target(String page, String url) {
        String u = url;
        int cut = indexOfAny(u, '#', '?');
        if (cut >= 0) {
            u = u.substring(0, cut);
        }
        if (u.isEmpty()) {
            return Optional.empty(); // "#x" or "?q": this page
        }
        if (base.hasOrigin() && (u.startsWith(base.origin() + "/") || u.equals(base.origin()))) {
            u = u.substring(base.origin().length());
            if (u.isEmpty()) {
                u = "/";
            }
        } else if (u.startsWith("//") || hasScheme(u)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(u.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.of(Target.OUTSIDE);
        }
        if (decoded.startsWith("/")) {
            if (!decoded.startsWith(base.path())) {
                return Optional.of(Target.OUTSIDE);
            }
            return normalize(decoded.substring(base.path().length()));
        }
        int slash = page.lastIndexOf('/');
        return normalize((slash < 0 ? "" : page.substring(0, slash + 1)) + decoded);
    }

    private static Optional<Target> normalize(String path) {
        List<String> out = new ArrayList<>();
        String[] parts = path.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.equals("..")) {
                if (out.isEmpty()) {
                    return Optional.of(Target.OUTSIDE);
                }
                out.remove(out.size() - 1);
            } else if (!part.equals(".") && !(part.isEmpty() && i < parts.length - 1)) {
                out.add(part);
            }
        }
        String joined = String.join("/", out);
        return Optional.of(Target.inside(path.endsWith("/") && !joined.isEmpty() && !joined.endsWith("/") ? joined + "/" : joined));
    }

    /** One diagnostic per Markdown link that made a dangling URL, and one per other dangling URL. */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, Set<String>> sorted = new TreeMap<>(dangling);
        sorted.forEach((url, pages) -> {
            Set<String> fromTheme = new TreeSet<>();
            for (String page : pages) {
                Optional<SourcePos> at = locator.find(page, url);
                if (at.isPresent()) {
                    out.add(Diagnostic.error("dangling-url", at.get(),
                            "`" + url + "` names no file of the site (page " + page + ")",
                            hintFor(url)));
                } else {
                    fromTheme.add(page);
                }
            }
            if (!fromTheme.isEmpty()) {
                String first = fromTheme.iterator().next();
                String others = fromTheme.size() == 1 ? "" : " and " + (fromTheme.size() - 1) + " other page"
                        + (fromTheme.size() == 2 ? "" : "s");
                out.add(Diagnostic.error("dangling-url", SourcePos.file(outputLabel + "/" + first),
                        "`" + url + "` names no file of the site (in " + first + others + ")",
                        "a template or the site config made this URL; check the theme's links and the base URL"));
            }
        });
        return out;
    }

    private String hintFor(String url) {
        return url.startsWith("/") && !url.startsWith(base.path())
                ? "the site is published under " + base.path() + "; link to articles by their Markdown file (../../<section>/<slug>/index.<lang>.md)"
                : "link to articles by their Markdown file (../../<section>/<slug>/index.<lang>.md); root-relative links are not checked against content";
    }

    private static boolean startsWith(byte[] text, int at, byte[] prefix) {
        if (at + prefix.length > text.length) {
            return false;
        }
        for (int j = 1; j < prefix.length; j++) {
            if (text[at + j] != prefix[j]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasScheme(String u) {
        int colon = u.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = u.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.') || c > 127) {
                return false;
            }
        }
        return Character.isLetter(u.charAt(0));
    }

    private static String unescapeHtml(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String unescapeJson(String s) {
        return s.indexOf('\\') < 0 ? s : s.replace("\\/", "/").replace("\\\\", "\\");
    }

    private static byte[] gunzip(byte[] content) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            return in.readAllBytes();
        } catch (IOException e) {
            return content;
        }
    }
}
