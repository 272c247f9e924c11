package dev.casebook.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * How Casebook writes a file that a person owns (an article, a file of a new site), where the
 * folder may hold links planted by a pull request: a temporary file is created exclusively
 * ({@code O_CREAT|O_EXCL}, which never follows a link) under an unpredictable name beside the
 * target, then renamed over it; a link at the target, or at any folder between {@code root} and
 * it, is refused instead of followed.
 */
public final class SafeFiles {

    private SafeFiles() {
    }

    /** Refused: a symbolic link, or something other than a plain file, stands where a file is written. */
    public static final class UnsafePathException extends IOException {
        private static final long serialVersionUID = 1L;

        UnsafePathException(String message) {
            super(message);
        }
    }

    /**
     * Replaces the regular file {@code target} with {@code content}, keeping its permissions. Fails
     * when {@code target} or a folder between {@code root} and it is a link, or when it is not a
     * regular file.
     */
    public static void replace(Path root, Path target, byte[] content) throws IOException {
        requireNoLinks(root, target.getParent());
        if (Files.isSymbolicLink(target)) {
            throw new UnsafePathException(target + " is a symbolic link; Casebook does not write through links");
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafePathException(target + " is not a regular file");
        }
        Set<PosixFilePermission> permissions = permissions(target);
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            write(tmp, content);
            if (permissions != null) {
                Files.setPosixFilePermissions(tmp, permissions);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The bytes of the regular file {@code file}, read only when neither it nor a folder between {@code root} and it is a link. */
    public static byte[] read(Path root, Path file) throws IOException {
        requireNoLinks(root, file.getParent());
        if (Files.isSymbolicLink(file)) {
            throw new UnsafePathException(file + " is a symbolic link; Casebook does not read or write through links");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        }
    }

    /**
     * Creates {@code target} with {@code content}; fails when anything (a file, a folder, a link,
     * even a dangling one) stands at its name, or a folder between {@code root} and it is a link.
     * Missing folders are made, none of them through a link.
     */
    public static void create(Path root, Path target, byte[] content) throws IOException {
        createFolders(root, target.getParent());
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(content);
        } catch (FileAlreadyExistsException e) {
            throw new UnsafePathException(target + " exists" + (Files.isSymbolicLink(target) ? " (a symbolic link)" : ""));
        }
    }

    /** Makes {@code dir} and its missing parents below {@code root}, refusing a link on the way. */
    public static void createFolders(Path root, Path dir) throws IOException {
        requireNoLinks(root, dir);
        Path base = root.toAbsolutePath().normalize();
        Path current = base;
        for (Path part : base.relativize(dir.toAbsolutePath().normalize())) {
            current = current.resolve(part);
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(current);
                } catch (FileAlreadyExistsException e) {
                    // made meanwhile by someone else: checked below like any folder
                }
            }
            if (Files.isSymbolicLink(current) || !Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                throw new UnsafePathException(current + " is " + (Files.isSymbolicLink(current) ? "a symbolic link" : "not a folder"));
            }
        }
    }

    /** Fails when {@code root} itself is missing, or any existing folder from {@code root} down to {@code dir} is a link. */
    public static void requireNoLinks(Path root, Path dir) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Path target = dir.toAbsolutePath().normalize();
        if (!target.startsWith(base)) {
            throw new UnsafePathException(target + " is outside " + base);
        }
        Path current = base;
        for (Path part : base.relativize(target)) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                throw new UnsafePathException(current + " is a symbolic link; Casebook does not write through links");
            }
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                return; // what does not exist yet is made by the writer, without following links
            }
        }
    }

    private static void write(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static Set<PosixFilePermission> permissions(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        return view == null ? null : view.readAttributes().permissions();
    }
}
