package dev.casebook.validate;

import java.util.Locale;
import java.util.Optional;

/** The parts of a URL value in a config that rules care about; a value without scheme is read as http. */
public record Url(String scheme, String host, int port, String path) {

    /** Characters a URL may not hold unescaped: such a value is not read as a URL (java.net.URI agrees). */
    private static final String ILLEGAL = "<>\"{}|\\^`";

    /**
     * Reads {@code scheme://[user@]host[:port][/path][?query][#fragment]} by hand rather than with
     * java.net.URI, whose browser build (TeaVM) fails on some inputs: the validator runs in both.
     * A host is letters, digits, dots and hyphens (or an IPv6 literal in brackets).
     */
    public static Optional<Url> parse(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.contains(" ") || v.chars().anyMatch(c -> c < 0x20 || ILLEGAL.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        String scheme = "http";
        String rest = v;
        int sep = v.indexOf("://");
        if (sep > 0 && isScheme(v.substring(0, sep))) {
            scheme = v.substring(0, sep).toLowerCase(Locale.ROOT);
            rest = v.substring(sep + 3);
        }
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int at = rest.indexOf(c);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        String authority = rest.substring(0, end);
        String tail = rest.substring(end);
        int query = tail.length();
        for (char c : new char[] {'?', '#'}) {
            int at = tail.indexOf(c);
            query = at >= 0 ? Math.min(query, at) : query;
        }
        String path = tail.substring(0, query);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        String port = "";
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                return Optional.empty();
            }
            port = after.isEmpty() ? "" : after.substring(1);
            if (host.isEmpty() || !host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                return Optional.empty();
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon >= 0 ? authority.substring(0, colon) : authority;
            port = colon >= 0 ? authority.substring(colon + 1) : "";
            if (host.isEmpty() || !host.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '-'))
                    || host.startsWith(".") || host.contains("..") || host.contains(".-") || host.contains("-.")
                    || host.startsWith("-") || host.endsWith("-")) { // labels neither empty nor edged with a hyphen
                return Optional.empty();
            }
        }
        int number = scheme.equals("https") ? 443 : 80;
        if (!port.isEmpty()) {
            if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            number = Integer.parseInt(port);
        }
        return Optional.of(new Url(scheme, host.toLowerCase(Locale.ROOT), number, path));
    }

    private static boolean isScheme(String s) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            return false;
        }
        return s.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-'));
    }

    /** The path with one trailing slash removed. */
    public String trimmedPath() {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * A server on the reader's own machine or network, which ignores the API key: loopback,
     * {@code host.docker.internal}, a compose service or other name without a dot, {@code .local},
     * or a private IPv4 address. Anything else is a hosted endpoint that checks the key.
     */
    public boolean isLocal() {
        if (isLoopback() || host.equals("host.docker.internal") || host.equals("gateway.docker.internal")
                || host.endsWith(".local") || host.endsWith(".internal") || host.endsWith(".svc")
                || host.contains(".svc.cluster.local")) {
            return true;
        }
        String[] octets = host.split("\\.");
        if (octets.length == 4 && host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9')) {
            int a = Integer.parseInt(octets[0]);
            int b = Integer.parseInt(octets[1]);
            return a == 10 || a == 127 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168 || a == 169 && b == 254;
        }
        return !host.contains(".") && !host.contains(":");
    }

    public boolean isLoopback() {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("0.0.0.0") || host.equals("::1");
    }
}
