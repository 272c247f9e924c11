package dev.casebook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * casebook serve as a user runs it, in a JVM of its own started as the launcher starts it, under a
 * shell that stands for the launcher: slow and hostile clients do not stop it answering, foreign
 * Host names get nothing, and killing the launcher with SIGKILL ends it.
 */
class PreviewUnderLoadTest {

    @TempDir
    Path dir;

    private Process launcher;
    private final List<Socket> held = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket s : held) {
            s.close();
        }
        if (launcher != null) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts serve under {@code sh}, which stays its parent, and waits until it answers. */
    private int serve() throws Exception {
        TestSite.write(dir, TestSite.ONE_ARTICLE);
        int port = freePort();
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String command = "'" + java + "' -Dcasebook.launched=true -cp '" + System.getProperty("java.class.path")
                + "' dev.casebook.cli.Main serve --site '" + dir + "' --port " + port + " > '" + dir.resolve("serve.log") + "' 2>&1; true";
        launcher = new ProcessBuilder("sh", "-c", command).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                if (status(port, "localhost", 2000) == 200) {
                    return port;
                }
            } catch (IOException e) {
                Thread.sleep(100); // not listening yet
            }
        }
        throw new AssertionError("serve did not start");
    }

    /** The status of GET /en/a/b/ with {@code host} as the Host header, or an exception when nothing came in time. */
    private static int status(int port, String host, int timeoutMs) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(timeoutMs);
            s.getOutputStream().write(("GET /en/a/b/ HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] head = new byte[12];
            int read = s.getInputStream().readNBytes(head, 0, 12);
            return Integer.parseInt(new String(head, 0, read, StandardCharsets.ISO_8859_1).substring(9, 12));
        }
    }

    private Socket hold(int port, String bytes) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setReceiveBufferSize(1024); // a client that never reads: its window fills at once
        if (!bytes.isEmpty()) {
            s.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
        }
        held.add(s);
        return s;
    }

    @Test
    void answersWithinASecondWhileSlowAndHostileClientsHoldConnections() throws Exception {
        int port = serve();
        for (int i = 0; i < 50; i++) {
            hold(port, "GET /en/ HTTP/1.1\r\nHost: localhost\r\nX-Slow: "); // never finished
            hold(port, ""); // connected, silent
        }
        for (int i = 0; i < 5; i++) {
            hold(port, "GET /__casebook/events HTTP/1.1\r\nHost: localhost\r\n\r\n"); // listens, never reads
        }
        hold(port, "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003"); // a TLS ClientHello's start
        hold(port, "GET / HTTP/1.1\nHost: localhost\n\n"); // bare LF
        for (int round = 0; round < 8; round++) {
            long start = System.nanoTime();
            assertEquals(200, status(port, "localhost", 1000), "round " + round);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms < 1000, "answered in " + ms + " ms");
            Thread.sleep(250);
        }
    }

    @Test
    void aForeignHostNameGetsNothing() throws Exception {
        int port = serve();
        assertEquals(421, status(port, "attacker.example", 2000), "a page that rebound its name to 127.0.0.1");
        assertEquals(421, status(port, "attacker.example:" + port, 2000));
        assertEquals(200, status(port, "127.0.0.1:" + port, 2000));
        assertEquals(200, status(port, "[::1]:" + port, 2000));
    }

    @Test
    void killingTheLauncherWithSigkillEndsThePreview() throws Exception {
        int port = serve();
        ProcessHandle server = launcher.descendants().findFirst().orElseThrow();
        launcher.destroyForcibly(); // SIGKILL: no shutdown hook runs in the launcher
        assertTrue(server.onExit().get(10, TimeUnit.SECONDS) != null, "the preview's JVM ended");
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(1000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(-1, in.read(), "nothing listens on the port");
        } catch (IOException | RuntimeException e) {
            assertTrue(e instanceof java.net.ConnectException || e instanceof SocketTimeoutException
                    || e.getMessage() != null, String.valueOf(e)); // refused: the port is free
        }
    }
}
