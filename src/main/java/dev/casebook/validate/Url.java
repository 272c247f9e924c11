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

    public boolean isLoopback() {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("0.0.0.0") || host.equals("::1");
    }
}
