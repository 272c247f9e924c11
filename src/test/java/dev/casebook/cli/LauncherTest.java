package dev.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    @TempDir
    Path dir;

    private void article(String id, String... langs) throws IOException {
        Path bundle = Files.createDirectories(dir.resolve("content").resolve(id));
        for (String lang : langs) {
            Files.writeString(bundle.resolve("index." + lang + ".md"), "---\ntitle: T\n---\n");
        }
        Files.writeString(bundle.resolve("config.yaml"), "a: 1\n"); // a bundle file is not an article
    }

    @Test
    void theSiteFolderComesFromTheCommandLine() {
        assertEquals(Path.of("kb"), Launcher.site(new String[] {"build", "--strict", "--site", "kb"}));
        assertEquals(Path.of("kb2"), Launcher.site(new String[] {"check", "--site=kb2"}));
        assertEquals(Path.of("."), Launcher.site(new String[] {"build", "--out", "x"}));
        assertEquals(Path.of("."), Launcher.site(new String[] {"build", "--site"}));
    }

    @Test
    void aSmallSiteGetsTheQuickCompilerAndALargeOneKeepsTheOptimisingOne() throws IOException {
        article("a/one", "en", "zh");
        article("a/two", "en");
        assertEquals(3, Launcher.markdownFiles(dir.resolve("content"), 10));
        assertEquals(2, Launcher.markdownFiles(dir.resolve("content"), 2), "counting stops at the limit");
        List<String> collector = List.of("-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40");
        List<String> c1 = List.of("-XX:TieredStopAtLevel=1", "-Dsun.reflect.inflationThreshold=2147483647");
        int build = Launcher.quickUpTo("build");
        assertEquals(concat(c1, List.of("-Xmn160m"), collector), Launcher.options(3, build));
        assertEquals(concat(c1, List.of("-Xmn160m"), collector), Launcher.options(Launcher.TINY_SITE, build));
        assertEquals(concat(c1, List.of("-Xmn96m"), collector), Launcher.options(Launcher.TINY_SITE + 1, build));
        assertEquals(concat(c1, List.of("-Xmn96m"), collector), Launcher.options(Launcher.SHORT_BUILD, build));
        assertEquals(concat(List.of("-Xmn96m"), collector), Launcher.options(Launcher.SHORT_BUILD + 1, build));
        assertEquals(Launcher.TINY_SITE_OPTIONS, Launcher.options("build", dir));
        assertEquals(Launcher.TINY_SITE_OPTIONS, Launcher.options("check", dir.resolve("missing")));
    }

    /** The preview runs for as long as the writer works: C2's code pays off there on smaller sites than in a build. */
    @Test
    void thePreviewKeepsTheOptimisingCompilerFromASmallerSiteThanABuild() {
        assertEquals(Launcher.SHORT_BUILD, Launcher.quickUpTo("build"));
        assertEquals(Launcher.SHORT_BUILD, Launcher.quickUpTo("check"));
        assertEquals(Launcher.SMALL_SITE, Launcher.quickUpTo("serve"));
        int files = Launcher.SMALL_SITE + 1;
        assertEquals(Launcher.SMALL_SITE_OPTIONS, Launcher.options(files, Launcher.quickUpTo("build")));
        assertEquals(Launcher.LARGE_SITE_OPTIONS, Launcher.options(files, Launcher.quickUpTo("serve")));
        assertTrue(Launcher.SMALL_SITE_OPTIONS.contains("-XX:TieredStopAtLevel=1"));
        assertTrue(!Launcher.LARGE_SITE_OPTIONS.contains("-XX:TieredStopAtLevel=1"));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new java.util.ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    @Test
    void theCommandLineIsReadFromProcWithoutTheProgramName() {
        byte[] cmdline = "/usr/bin/java\0-jar\0target/casebook.jar\0build\0--site\0my kb\0".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(List.of("-jar", "target/casebook.jar", "build", "--site", "my kb"), Launcher.commandLine(cmdline));
        assertEquals(List.of(), Launcher.commandLine(new byte[0]));
    }

    @Test
    void markdownFilesInLinkedFoldersAreNotCounted() throws IOException {
        article("a/one", "en", "zh");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/b/two"));
        Files.writeString(elsewhere.resolve("index.en.md"), "---\ntitle: x\n---\n");
        Files.createSymbolicLink(dir.resolve("content/b"), dir.resolve("elsewhere/b"));
        assertEquals(2, Launcher.markdownFiles(dir.resolve("content"), 10));
    }

    @Test
    void theClassArchiveLivesInTheUsersCacheNamedAfterTheJarAndItsPath() {
        Path cache = Path.of("/home/me/.cache/casebook/cds");
        Path archive = Launcher.archive(Path.of("/opt/cb/casebook.jar"), cache);
        assertEquals(cache, archive.getParent());
        assertTrue(archive.getFileName().toString().matches("casebook-[0-9a-f]{16}\\.jsa"), archive.toString());
        assertNotEquals(archive, Launcher.archive(Path.of("/srv/kb/casebook.jar"), cache), "two jars, two archives");
        assertEquals(archive, Launcher.archive(Path.of("/opt/cb/../cb/casebook.jar"), cache));
    }

    @Test
    void aRunFromClassesRatherThanAJarIsNeverStartedAgain() {
        // the tests run from target/classes: there is no jar to start a second JVM with
        assertTrue(Launcher.relaunch(new String[] {"build", "--site", dir.toString()}).isEmpty());
        assertTrue(Launcher.relaunch(new String[] {"validate", "x.yaml"}).isEmpty());
        assertTrue(Launcher.relaunch(new String[] {}).isEmpty());
    }

    @Test
    void aJarWithoutAnArchiveRecordsOneAndANewerArchiveIsMapped() throws IOException {
        Path jar = Files.writeString(dir.resolve("casebook.jar"), "jar");
        Path archive = Launcher.archive(jar, dir.resolve("cache/cds"));
        Path recording = dir.resolve("casebook.jsa.tmp-1");
        List<String> quiet = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        List<String> record = new java.util.ArrayList<>(List.of("-XX:ArchiveClassesAtExit=" + recording));
        record.addAll(quiet);
        assertEquals(record, Launcher.classData(jar, archive, recording));

        Files.writeString(recording, "classes");
        Launcher.keep(recording, archive);
        assertEquals("classes", Files.readString(archive));
        assertTrue(Files.notExists(recording));
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        List<String> map = new java.util.ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
        map.addAll(quiet);
        assertEquals(map, Launcher.classData(jar, archive, recording));

        // a jar rebuilt after its archive records a fresh one; an empty recording (a JVM that could not dump) is dropped
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() + 1000));
        assertEquals(record, Launcher.classData(jar, archive, recording));
        Files.writeString(recording, "");
        Launcher.keep(recording, archive);
        assertEquals("classes", Files.readString(archive));
        assertTrue(Files.notExists(recording));
    }

    @Test
    void casebookJavaOptsAreWordsAndAnEmptyValueMeansTheJvmsDefaults() {
        assertEquals(List.of("-Xmx2g", "-XX:+UseG1GC"), Launcher.words("  -Xmx2g \t -XX:+UseG1GC\n"));
        assertEquals(List.of(), Launcher.words("   "));
    }
}
