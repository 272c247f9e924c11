package dev.casebook.validate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** The parts of a URL value in a config that rules care about; a value without scheme is read as http. */
public record Url(String scheme, String host, int port, String path) {

    public static Optional<Url> parse(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.contains(" ")) {
            return Optional.empty();
        }
        String withScheme = v.matches("(?i)^[a-z][a-z0-9+.-]*://.*") ? v : "http://" + v;
        try {
            URI uri = new URI(withScheme);
            String host = uri.getHost();
            if (host == null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            String h = host.toLowerCase(Locale.ROOT);
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            return Optional.of(new Url(scheme, h, port, uri.getRawPath() == null ? "" : uri.getRawPath()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
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
