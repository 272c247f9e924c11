package dev.casebook.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFilesTest {

    @TempDir
    Path root;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesAFileKeepingItsPermissionsAndLeavingNoTemporaryFile() throws IOException {
        Path file = Files.writeString(root.resolve("index.en.md"), "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        SafeFiles.replace(root, file, utf8("new\n"));
        assertEquals("new\n", Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of("index.en.md"), names(root));
    }

    @Test
    void neverWritesThroughALinkAtTheTargetOrAboveIt() throws IOException {
        Path outside = Files.createTempDirectory("outside");
        Path victim = Files.writeString(outside.resolve("profile"), "keep\n");
        Path link = Files.createSymbolicLink(root.resolve("index.en.md"), victim);
        assertThrows(SafeFiles.UnsafePathException.class, () -> SafeFiles.replace(root, link, utf8("x")));
        assertThrows(SafeFiles.UnsafePathException.class, () -> SafeFiles.read(root, link));
        Files.createSymbolicLink(root.resolve("section"), outside);
        Path through = root.resolve("section/profile");
        SafeFiles.UnsafePathException e = assertThrows(SafeFiles.UnsafePathException.class,
                () -> SafeFiles.replace(root, through, utf8("x")));
        assertEquals(root.resolve("section") + " is a symbolic link; Casebook does not write through links", e.getMessage());
        assertThrows(SafeFiles.UnsafePathException.class, () -> SafeFiles.create(root, root.resolve("section/new.md"), utf8("x")));
        assertEquals("keep\n", Files.readString(victim));
        assertEquals(List.of("profile"), names(outside));
    }

    @Test
    void createsOnlyWhereNothingStandsAndMakesTheFoldersOnTheWay() throws IOException {
        Path file = root.resolve("a/b/index.zh.md");
        SafeFiles.create(root, file, utf8("文\n"));
        assertArrayEquals(utf8("文\n"), SafeFiles.read(root, file));
        assertThrows(SafeFiles.UnsafePathException.class, () -> SafeFiles.create(root, file, utf8("again")));
        Path dangling = Files.createSymbolicLink(root.resolve("a/b/index.en.md"), root.resolve("nowhere"));
        assertThrows(SafeFiles.UnsafePathException.class, () -> SafeFiles.create(root, dangling, utf8("x")));
        assertTrue(Files.notExists(root.resolve("nowhere")));
    }

    @Test
    void refusesAPathOutsideTheRoot() {
        assertThrows(SafeFiles.UnsafePathException.class, () -> SafeFiles.create(root, root.resolve("../escape.md"), utf8("x")));
    }
}
