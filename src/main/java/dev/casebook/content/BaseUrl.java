package dev.casebook.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the site is published: an origin ({@code https://org.github.io}, or empty when unknown) and a
 * base path that every internal URL starts with ({@code /kb/} for a project site, {@code /} otherwise).
 */
public record BaseUrl(String origin, String path) {

    public static final BaseUrl ROOT = new BaseUrl("", "/");

    public BaseUrl {
        if (!path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("base path must start and end with /: " + path);
        }
    }

    /**
     * Parses {@code https://host/sub/} or a bare path {@code /sub/}. Throws IllegalArgumentException
     * with a readable message for anything else.
     */
    public static BaseUrl parse(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("/")) {
            return new BaseUrl("", normalizePath(trimmed));
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("base URL must be http(s)://host/path/: " + text);
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("base URL may not have a query or fragment: " + text);
        }
        String origin = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new BaseUrl(origin, normalizePath(path));
    }

    private static String normalizePath(String path) {
        String p = path.replaceAll("/{2,}", "/");
        if (p.contains("/../") || p.endsWith("/..") || p.contains("/./")) {
            throw new IllegalArgumentException("base path may not contain . or .. segments: " + path);
        }
        return p.endsWith("/") ? p : p + "/";
    }

    public boolean hasOrigin() {
        return !origin.isEmpty();
    }

    /** A site-relative path ({@code en/litellm/x/}) as an absolute-path URL under the base path. */
    public String url(String sitePath) {
        return path + stripLeadingSlash(sitePath);
    }

    /** The full URL with origin, for sitemaps, feeds and canonical links; the path when no origin is known. */
    public String absolute(String sitePath) {
        return origin + url(sitePath);
    }

    private static String stripLeadingSlash(String s) {
        return s.startsWith("/") ? s.substring(1) : s;
    }

    @Override
    public String toString() {
        return origin + path;
    }
}
