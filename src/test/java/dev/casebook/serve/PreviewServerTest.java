package dev.casebook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.content.BaseUrl;
import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview serves the built site and nothing else, under the base path, with the right types. */
class PreviewServerTest {

    @TempDir
    Path dir;
    private Preview preview;
    private PreviewServer server;
    private final StringWriter log = new StringWriter();

    private static final String SITE = """
            -- content/litellm/a/index.en.md --
            ---
            title: A
            summary: S
            date: 2025-02-18
            ---
            Body of a. ![d](diagram.svg)
            -- content/litellm/a/diagram.svg --
            <svg xmlns="http://www.w3.org/2000/svg"/>
            -- secret.txt --
            not part of the site
            """;

    private void start() throws IOException {
        start(false);
    }

    /** Starts the preview on the site; {@code planted}: with bundle files that are links out of it. */
    private void start(boolean planted) throws IOException {
        TestSite.write(dir, SITE);
        if (planted) {
            Files.createSymbolicLink(dir.resolve("content/litellm/a/passwd.txt"), Path.of("/etc/passwd"));
            Files.createSymbolicLink(dir.resolve("content/litellm/a/secret-link.txt"), dir.resolve("secret.txt"));
        }
        BuildOptions options = new BuildOptions(dir, dir.resolve("out"), Optional.of(BaseUrl.parse("/kb/")), false, false,
                false, Optional.empty());
        preview = new Preview(options, new PrintWriter(log));
        preview.start();
        server = new PreviewServer(preview, BaseUrl.parse("/kb/"), "127.0.0.1", 0);
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (preview != null) {
            preview.close();
        }
    }

    record Response(int status, String type, String body, String location) {
    }

    /** A request exactly as written, path not normalised by a client library. */
    private Response raw(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String type = header(response, "content-type");
            String location = header(response, "location");
            int body = response.indexOf("\r\n\r\n");
            return new Response(status, type, response.substring(body + 4), location);
        }
    }

    private static String header(String response, String name) {
        for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return "";
    }

    @Test
    void servesTheSiteUnderItsBasePathWithContentTypes() throws IOException {
        start();
        Response page = raw("/kb/en/litellm/a/");
        assertEquals(200, page.status());
        assertEquals("text/html; charset=utf-8", page.type());
        assertTrue(page.body().contains("Body of a."), page.body());
        assertTrue(page.body().contains("<script src=\"/kb/__casebook/live.js\" data-events=\"/kb/__casebook/events\" "
                + "data-version=\"1\" defer></script></body>"), "the live-reload script, before </body>");
        assertEquals("image/svg+xml; charset=utf-8", raw("/kb/en/litellm/a/diagram.svg").type());
        assertEquals("application/xml; charset=utf-8", raw("/kb/en/feed.xml").type());
        assertEquals("text/javascript; charset=utf-8", raw("/kb/__casebook/live.js").type());
        assertTrue(raw("/kb/assets/").status() == 404);
        Response redirect = raw("/kb/en/litellm/a");
        assertEquals(301, redirect.status());
        assertEquals("/kb/en/litellm/a/", redirect.location());
        assertEquals("/kb/", raw("/").location());
    }

    @Test
    void missingPathsGetThe404Page() throws IOException {
        start();
        Response missing = raw("/kb/en/nope/");
        assertEquals(404, missing.status());
        assertEquals("text/html; charset=utf-8", missing.type());
        assertTrue(missing.body().contains("<title>Page not found"), missing.body());
        assertEquals(404, raw("/en/litellm/a/").status(), "outside the base path");
    }

    @Test
    void noRequestReadsOutsideTheSite() throws IOException {
        start(true);
        for (String path : new String[] {"/kb/../secret.txt", "/kb/%2e%2e/secret.txt", "/kb/en/%2e%2e%2f%2e%2e%2fsecret.txt",
                "/kb/..%2fsecret.txt", "/kb/en/litellm/a/%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.txt", "/kb/%00", "/kb/.%5csecret.txt"}) {
            Response r = raw(path);
            assertTrue(r.status() == 400 || r.status() == 404, path + " -> " + r.status());
            assertFalse(r.body().contains("not part of the site"), path);
            assertFalse(r.body().contains("root:"), path);
        }
        // bundle files that are symbolic links are not part of the site (the build reports them as errors)
        assertEquals(404, raw("/kb/en/litellm/a/passwd.txt").status());
        assertEquals(404, raw("/kb/en/litellm/a/secret-link.txt").status());
        assertTrue(log.toString().contains("content/litellm/a/passwd.txt:1:1: error[layout]: symbolic link in content/, which Casebook never follows"), log.toString());
        assertEquals(405, post("/kb/en/"));
    }

    private int post(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + server.port() + path).openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.getOutputStream().write(new byte[] {1});
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        return status;
    }

    @Test
    void sitePathsRefuseDotSegmentsEncodedOrNot() {
        assertEquals(Optional.of("en/a/"), PreviewServer.sitePath("en/a/"));
        assertEquals(Optional.of("zh/中文/"), PreviewServer.sitePath("zh/%E4%B8%AD%E6%96%87/"));
        assertEquals(Optional.empty(), PreviewServer.sitePath("../x"));
        assertEquals(Optional.empty(), PreviewServer.sitePath("%2e%2e/x"));
        assertEquals(Optional.empty(), PreviewServer.sitePath("a/%2E%2E%2Fb"));
        assertEquals(Optional.empty(), PreviewServer.sitePath("a/./b"));
        assertEquals(Optional.empty(), PreviewServer.sitePath("%2Fetc/passwd"));
        assertEquals(Optional.empty(), PreviewServer.sitePath("a%5c..%5cb"));
        assertEquals(Optional.empty(), PreviewServer.sitePath("%zz"));
    }
}
