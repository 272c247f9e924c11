package dev.casebook.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.casebook.content.Output;
import dev.casebook.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever happens while publishing, the output path holds one whole site: the old one or the new one. */
class PublishFaultTest {

    @TempDir
    Path dir;

    /** The versions the files of the site at {@code out} say; one element for a whole site. */
    private static Set<String> versions(Path out) throws IOException {
        Set<String> versions = new TreeSet<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(out.toRealPath())) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".html")).toList()) {
                versions.add(Files.readString(p).strip());
                files++;
            }
        }
        assertEquals(CrashingPublish.FILES, files, "a whole site at " + out);
        return versions;
    }

    private static void publish(Path out, String version) throws IOException {
        List<Diagnostic> found = new OutputWriter().write(out, CrashingPublish.site(version));
        assertEquals(List.of(), found);
    }

    private static int child(Path out, String version, String step) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingPublish.class.getName(), out.toString(), version, step).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        assertTrue(code == 137 || code == 0, "child exited " + code + ": " + output);
        return code;
    }

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"writing", "mid-write", "swapping", "cleaning"})
    void aKilledBuildLeavesTheOldSiteOrTheNewOneWhole(String step) throws Exception {
        Path out = dir.resolve("site");
        publish(out, "v1");
        assertEquals(137, child(out, "v2", step));
        Set<String> after = versions(out);
        assertEquals(step.equals("cleaning") ? Set.of("v2") : Set.of("v1"), after);
        publish(out, "v3"); // the next build cleans up what the killed one left
        assertEquals(Set.of("v3"), versions(out));
        assertTrue(Files.isDirectory(out, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(out),
                "the output path is a plain folder");
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("site"), siblings.map(p -> p.getFileName().toString()).toList(), "nothing beside the output");
        }
    }

    @Test
    void anOldVersionIsRemovedWholeWithoutFollowingItsLinks() throws IOException {
        // the first two levels are removed in parallel, deeper ones by a walk: links at both depths
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "keep\n");
        Path old = dir.resolve(".site.v-old");
        for (String file : List.of("index.html", "en/index.html", "en/a/b/index.html", "en/a/b/c/d/pic.png", "zh/a/index.html")) {
            Files.createDirectories(old.resolve(file).getParent());
            Files.writeString(old.resolve(file), file);
        }
        Files.createSymbolicLink(old.resolve("linked"), outside);
        Files.createSymbolicLink(old.resolve("en/a/b/c/linked"), outside);
        Files.createSymbolicLink(old.resolve("en/keep.txt"), outside.resolve("keep.txt"));
        OutputWriter.deleteQuietly(old);
        assertFalse(Files.exists(old, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        try (Stream<Path> left = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("keep.txt")), left.toList());
        }
        assertEquals("keep\n", Files.readString(outside.resolve("keep.txt")));
    }

    @Test
    void aBuildKilledBetweenTheTwoRenamesOfItsSwapIsPutBackByTheNext() throws Exception {
        Path out = dir.resolve("site");
        publish(out, "v1");
        assertEquals(137, child(out, "v2", "between-renames"));
        assertFalse(Files.exists(out), "the one window: the old site is beside the path");
        OutputWriter.recover(out);
        // both folders beside the path are whole; the newest, the build's own, is put in place
        assertEquals(Set.of("v2"), versions(out));
        assertFalse(Files.isSymbolicLink(out));
        publish(out, "v3");
        assertEquals(Set.of("v3"), versions(out));
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("site"), siblings.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void theLinkAnOlderCasebookLeftBecomesAPlainFolder() throws Exception {
        // an older Casebook published target/site as a link to .site.v-<id>, with its lock beside
        Path out = dir.resolve("site");
        Path version = dir.resolve(".site.v-0ld");
        for (Output o : CrashingPublish.site("v1")) {
            Path f = version.resolve(o.path());
            Files.createDirectories(f.getParent());
            Files.write(f, ((Output.Bytes) o).content());
        }
        Files.writeString(version.resolve(OutputWriter.MARKER), "old\n");
        Files.createSymbolicLink(out, version.getFileName());
        Files.writeString(dir.resolve(".site.lock"), "");
        assertEquals(Set.of("v1"), versions(out));
        publish(out, "v2");
        assertEquals(Set.of("v2"), versions(out));
        assertFalse(Files.isSymbolicLink(out));
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("site"), siblings.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void concurrentBuildsIntoOneFolderTakeTurns() throws Exception {
        Path out = dir.resolve("site");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Diagnostic>>> builds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String version = "v" + i;
            builds.add(pool.submit(() -> {
                go.await();
                return new OutputWriter().write(out, CrashingPublish.site(version));
            }));
        }
        go.countDown();
        for (Future<List<Diagnostic>> b : builds) {
            assertEquals(List.of(), b.get());
        }
        pool.shutdown();
        assertEquals(1, versions(out).size(), "one whole site, from one of the builds");
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("site"), siblings.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aBundleFileRemovedWhileBuildingIsADiagnosticAndKeepsTheOldSite() throws IOException {
        Path out = dir.resolve("site");
        publish(out, "v1");
        List<Output> outputs = new ArrayList<>(CrashingPublish.site("v2"));
        outputs.add(new Output.Copy("en/a/gone.png", dir.resolve("content/a/gone.png")));
        List<Diagnostic> found = new OutputWriter().write(out, outputs);
        assertEquals(1, found.size());
        assertEquals("config-output", found.get(0).id());
        assertTrue(found.get(0).message().startsWith("a file went away while the site was being built: "), found.get(0).message());
        assertEquals(Set.of("v1"), versions(out));
    }

    /** A small tmpfs (Linux, root): disk full and read-only are real, not simulated. */
    private Path mount(String options) throws Exception {
        Path mnt = dir.resolve("mnt");
        Files.createDirectories(mnt);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", mnt.toString())
                .redirectErrorStream(true).start();
        String why = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            String reason = "mounting a tmpfs needs root on Linux: " + why.strip();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason); // CI runs as root: this must not be skipped there
            }
            Assumptions.abort(reason);
        }
        return mnt;
    }

    private static void unmount(Path mnt) throws Exception {
        new ProcessBuilder("umount", mnt.toString()).start().waitFor();
    }

    @Test
    void aFullDiskIsReportedAndLeavesNothingHalfWritten() throws Exception {
        Path mnt = mount("size=2m");
        try {
            Path out = mnt.resolve("site");
            publish(out, "v1");
            List<Output> big = new ArrayList<>(CrashingPublish.site("v2"));
            big.add(new Output.Bytes("big.bin", new byte[3 * 1024 * 1024]));
            List<Diagnostic> found = new OutputWriter().write(out, big);
            assertTrue(!found.isEmpty() && found.stream().allMatch(d -> d.id().equals("config-output")
                    && d.message().contains("No space left on device")), found.toString());
            assertEquals(Set.of("v1"), versions(out));
            try (Stream<Path> siblings = Files.list(mnt)) {
                assertEquals(List.of("site"),
                        siblings.map(p -> p.getFileName().toString()).sorted().toList(), "the half-written folder is gone");
            }
        } finally {
            unmount(mnt);
        }
    }

    @Test
    void aReadOnlyParentIsReportedWithoutATrace() throws Exception {
        Path mnt = mount("size=256k");
        try {
            new ProcessBuilder("mount", "-o", "remount,ro", mnt.toString()).start().waitFor();
            try {
                new OutputWriter().write(mnt.resolve("site"), CrashingPublish.site("v1"));
                fail("a read-only folder cannot be written");
            } catch (IOException e) {
                assertTrue(e.getMessage().contains("Read-only file system") || e instanceof java.nio.file.FileSystemException,
                        String.valueOf(e));
            }
        } finally {
            unmount(mnt);
        }
    }
}
