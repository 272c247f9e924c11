package dev.casebook.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.casebook.content.BaseUrl;
import dev.casebook.content.Output;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.DiagnosticText;
import dev.casebook.diag.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The preview's HTTP side: the site under its base path, from memory, with the right content
 * types, {@code 404.html} for what does not exist, and a live-reload channel (server-sent events)
 * whose script every HTML page gets while previewing.
 *
 * <p>Safety: it binds where it is told (the command's default is 127.0.0.1) and answers only
 * requests whose {@code Host} is a loopback name or the host it was started for (421 otherwise),
 * so a web page that rebinds its own name to 127.0.0.1 cannot read the preview. Only paths of the
 * built site are served, looked up by name, so no request reaches another file ({@code ..},
 * encoded or not, is refused). A request must arrive whole within {@value #REQUEST_SECONDS} s, and
 * each gets a thread of its own (up to {@value #MAX_THREADS}), so slow or half-sent requests, TLS
 * handshakes and bare-LF requests cannot hold the server; at most {@value #MAX_LISTENERS} pages
 * listen for reloads at once, each written by a sender of its own, so a page that stops reading
 * is dropped without holding up the others or the rebuilds.
 */
public final class PreviewServer implements AutoCloseable {

    static final String CHANNEL = "__casebook/";
    private static final int MAX_LISTENERS = 32;
    /** How long a request may take to arrive (read by the JDK's server when its first instance is made). */
    static final int REQUEST_SECONDS = 5;
    private static final int MAX_THREADS = 256;
    /** Events a listener may have waiting before it counts as gone. */
    private static final int MAX_PENDING = 16;

    static {
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        }
    }
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"), Map.entry("svg", "image/svg+xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("md", "text/plain; charset=utf-8"),
            Map.entry("yaml", "text/plain; charset=utf-8"), Map.entry("yml", "text/plain; charset=utf-8"),
            Map.entry("env", "text/plain; charset=utf-8"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("pdf", "application/pdf"));

    private final Preview preview;
    private final BaseUrl base;
    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final Set<Listener> listeners = new CopyOnWriteArraySet<>();
    /** The host names a request may name: loopback, and the host the server was started for. */
    private final Set<String> hosts;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "casebook-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final byte[] liveScript;

    /** Serves {@code preview} at {@code host:port} under the base path of {@code base}. */
    public PreviewServer(Preview preview, BaseUrl base, String host, int port) throws IOException {
        this.preview = preview;
        this.base = base;
        this.liveScript = resource("serve/live.js");
        this.hosts = Set.copyOf(List.of("localhost", "127.0.0.1", "[::1]", "::1", host.toLowerCase(Locale.ROOT)));
        this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
        // a thread per request, made when needed: a request that waits for its client holds only its own
        this.pool = new ThreadPoolExecutor(4, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "casebook-http");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        preview.onChange(this::announce);
        heartbeat.scheduleAtFixedRate(() -> send(": keep-alive\n\n"), 15, 15, TimeUnit.SECONDS);
    }

    public void start() {
        server.start();
    }

    /** The port the server listens on (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!allowedHost(exchange.getRequestHeaders().getFirst("Host"))) {
                respond(exchange, 421, "text/plain; charset=utf-8",
                        "casebook serve answers only to the names it was started for\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String raw = exchange.getRequestURI().getRawPath();
            if (raw.equals("/") && !base.path().equals("/")) {
                exchange.getResponseHeaders().set("Location", base.path());
                respond(exchange, 302, "text/plain; charset=utf-8", new byte[0]);
                return;
            }
            if (!raw.startsWith(base.path())) {
                notFound(exchange);
                return;
            }
            Optional<String> path = sitePath(raw.substring(base.path().length()));
            if (path.isEmpty()) {
                respond(exchange, 400, "text/plain; charset=utf-8", "bad path\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String p = path.get();
            if (p.equals(CHANNEL + "events")) {
                listen(exchange);
                return;
            }
            if (p.equals(CHANNEL + "live.js")) {
                respond(exchange, 200, TYPES.get("js"), liveScript);
                return;
            }
            serve(exchange, p);
        } catch (RuntimeException e) {
            respond(exchange, 500, "text/plain; charset=utf-8", ("casebook serve: " + e + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** True when a request's {@code Host} header names this machine or the host the server listens on. */
    boolean allowedHost(String header) {
        if (header == null) {
            return false; // HTTP/1.1 requires it; a browser always sends it
        }
        String host = header.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end < 0 ? host : host.substring(0, end + 1);
        } else if (host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return hosts.contains(host);
    }

    /**
     * The site path a request names: percent-decoded once, with no {@code .} or {@code ..}
     * segment, no backslash and no NUL; empty when it is not such a path.
     */
    static Optional<String> sitePath(String rawRest) {
        String decoded;
        try {
            decoded = URLDecoder.decode(rawRest.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (decoded.indexOf('\0') >= 0 || decoded.indexOf('\\') >= 0 || decoded.startsWith("/")) {
            return Optional.empty();
        }
        for (String segment : decoded.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.empty();
            }
        }
        return Optional.of(decoded);
    }

    private void serve(HttpExchange exchange, String path) throws IOException {
        Preview.State state = preview.state();
        String name = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
        Optional<Output> file = state.file(name);
        if (file.isEmpty() && state.file(name + "/index.html").isPresent()) {
            exchange.getResponseHeaders().set("Location", base.path() + path + "/");
            respond(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        if (file.isEmpty()) {
            notFound(exchange);
            return;
        }
        byte[] content = preview.content(state, file.get());
        String type = type(name);
        if (name.endsWith(".html")) {
            content = withLiveReload(content, state.version());
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        respond(exchange, 200, type, content);
    }

    private void notFound(HttpExchange exchange) throws IOException {
        Preview.State state = preview.state();
        Optional<Output> page = state.file("404.html");
        byte[] body = withLiveReload(page.isPresent() ? preview.content(state, page.get())
                : "<!doctype html><title>Not found</title><p>Not found</p>".getBytes(StandardCharsets.UTF_8), state.version());
        respond(exchange, 404, TYPES.get("html"), body);
    }

    private byte[] withLiveReload(byte[] html, long version) {
        String page = new String(html, StandardCharsets.UTF_8);
        String tag = "<script src=\"" + base.path() + CHANNEL + "live.js\" data-events=\"" + base.path() + CHANNEL
                + "events\" data-version=\"" + version + "\" defer></script>";
        int end = page.lastIndexOf("</body>");
        String out = end < 0 ? page + tag : page.substring(0, end) + tag + page.substring(end);
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private void listen(HttpExchange exchange) throws IOException {
        if (listeners.size() >= MAX_LISTENERS) {
            respond(exchange, 503, "text/plain; charset=utf-8", "too many open previews\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        Listener listener = new Listener(exchange);
        listeners.add(listener);
        // a page that connects learns the version it was served from, and any problem standing now
        listener.offer(event(preview.state()));
    }

    /**
     * One page listening for reloads: its events are written by a thread of its own, so a page
     * that stops reading blocks only that thread, and is dropped once too many events wait.
     */
    private final class Listener {
        private final HttpExchange exchange;
        private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(MAX_PENDING), r -> {
                    Thread t = new Thread(r, "casebook-live-reload");
                    t.setDaemon(true);
                    return t;
                });

        Listener(HttpExchange exchange) {
            this.exchange = exchange;
        }

        void offer(String event) {
            try {
                sender.execute(() -> write(event));
            } catch (RejectedExecutionException e) {
                drop(); // it stopped reading, or it is closed
            }
        }

        private void write(String event) {
            try {
                OutputStream body = exchange.getResponseBody();
                body.write(event.getBytes(StandardCharsets.UTF_8));
                body.flush();
            } catch (IOException e) {
                drop(); // the page went away
            }
        }

        void drop() {
            listeners.remove(this);
            sender.shutdownNow();
            exchange.close();
        }
    }

    private void announce(Preview.State state) {
        send(event(state));
    }

    /** {@code problems} with the diagnostics, or {@code reload}; both name the version. */
    static String event(Preview.State state) {
        if (state.problems().isEmpty()) {
            return "event: version\ndata: " + state.version() + "\n\n";
        }
        StringBuilder json = new StringBuilder("{\"version\":").append(state.version()).append(",\"problems\":[");
        List<Diagnostic> problems = state.problems();
        for (int i = 0; i < problems.size(); i++) {
            Diagnostic d = problems.get(i);
            json.append(i == 0 ? "" : ",").append("{\"file\":").append(Json.string(d.pos().path()))
                    .append(",\"line\":").append(d.pos().line()).append(",\"column\":").append(d.pos().column())
                    .append(",\"severity\":").append(Json.string(d.severity().label()))
                    .append(",\"id\":").append(Json.string(d.id()))
                    .append(",\"message\":").append(Json.string(d.message()))
                    .append(",\"hint\":").append(Json.string(d.hint()));
            // the overlay on a Chinese page shows the Chinese wording where there is one
            Diagnostic zh = DiagnosticText.in("zh", d);
            if (!zh.message().equals(d.message()) || !zh.hint().equals(d.hint())) {
                json.append(",\"zh\":{\"message\":").append(Json.string(zh.message()))
                        .append(",\"hint\":").append(Json.string(zh.hint())).append('}');
            }
            json.append('}');
        }
        return "event: problems\ndata: " + json.append("]}") + "\n\n";
    }

    private void send(String event) {
        for (Listener listener : listeners) {
            listener.offer(event);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    static String type(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static byte[] resource(String name) {
        try (InputStream in = PreviewServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        listeners.forEach(Listener::drop);
        server.stop(0);
        pool.shutdownNow();
    }
}
