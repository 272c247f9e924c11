package dev.casebook.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves a built site on 127.0.0.1 under a base path, the way GitHub Pages does: directory URLs
 * get their index.html, no content negotiation, no compression.
 */
public final class StaticServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "bin", "application/octet-stream", "xml", "application/xml");

    private final HttpServer server;
    private final String basePath;

    public StaticServer(Path root, String basePath) {
        this(root, basePath, false);
    }

    /**
     * @param compress gzip text responses when the client accepts it, as GitHub Pages does (the
     *                 pre-compressed search shards are sent as they are)
     */
    public StaticServer(Path root, String basePath, boolean compress) {
        this.basePath = basePath;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Path file = null;
            if (path.startsWith(basePath)) {
                file = root.resolve(path.substring(basePath.length())).normalize();
                if (Files.isDirectory(file)) {
                    file = file.resolve("index.html");
                }
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    file = null;
                }
            }
            byte[] body = file == null ? Files.readAllBytes(root.resolve("404.html")) : Files.readAllBytes(file);
            String name = file == null ? "404.html" : file.getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            exchange.getResponseHeaders().set("Content-Type", type);
            String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
            if (compress && !type.startsWith("application/octet") && accept != null && accept.contains("gzip")) {
                java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
                try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
                    gz.write(body);
                }
                body = zipped.toByteArray();
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            exchange.sendResponseHeaders(file == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The absolute URL of a site path such as {@code en/search/}. */
    public String url(String sitePath) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + basePath + sitePath;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
