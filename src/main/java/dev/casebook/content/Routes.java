package dev.casebook.content;

import java.nio.charset.StandardCharsets;

/**
 * Where every page lives, as a site path without the base path ({@code en/litellm/x/}). The only
 * place that knows the URL layout; {@link BaseUrl} turns these paths into links.
 */
public final class Routes {

    private Routes() {
    }

    public static String root() {
        return "";
    }

    public static String home(Lang lang) {
        return lang.code() + "/";
    }

    public static String section(Lang lang, String section) {
        return lang.code() + "/" + section + "/";
    }

    public static String article(Lang lang, Article article) {
        return article(lang, article.section(), article.slug());
    }

    public static String article(Lang lang, String section, String slug) {
        return lang.code() + "/" + section + "/" + slug + "/";
    }

    /**
     * A site path as it goes into a URL: each segment percent-encoded as UTF-8 except letters,
     * digits and {@code -._~!$&'()*+,;=:@}, so a file named {@code a b#c?.png} keeps working.
     */
    public static String encode(String sitePath) {
        StringBuilder out = new StringBuilder(sitePath.length() + 8);
        for (byte b : sitePath.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    public static String resource(Lang lang, Article article, String resource) {
        return article(lang, article) + resource;
    }

    public static String tags(Lang lang) {
        return lang.code() + "/tags/";
    }

    public static String tag(Lang lang, String tag) {
        return lang.code() + "/tags/" + tag + "/";
    }

    /** Every product the articles name. */
    public static String products(Lang lang) {
        return lang.code() + "/products/";
    }

    public static String product(Lang lang, String product) {
        return lang.code() + "/products/" + product + "/";
    }

    public static String rules(Lang lang) {
        return lang.code() + "/rules/";
    }

    public static String rule(Lang lang, String id) {
        return lang.code() + "/rules/" + id + "/";
    }

    /** The index of every error string the articles solve. */
    public static String errors(Lang lang) {
        return lang.code() + "/errors/";
    }

    /** The translation status page. */
    public static String translations(Lang lang) {
        return lang.code() + "/translations/";
    }

    /** The page where readers check their own config files in the browser. */
    public static String check(Lang lang) {
        return lang.code() + "/check/";
    }

    public static String search(Lang lang) {
        return lang.code() + "/search/";
    }

    /** The search client, not content-hashed: it names the current index folder. */
    public static String searchScript() {
        return "search/search.js";
    }

    public static String feed(Lang lang) {
        return lang.code() + "/feed.xml";
    }

    /** The file a directory URL is written to. */
    public static String file(String sitePath) {
        return sitePath.isEmpty() || sitePath.endsWith("/") ? sitePath + "index.html" : sitePath;
    }
}
