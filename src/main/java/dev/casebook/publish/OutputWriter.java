package dev.casebook.publish;

import dev.casebook.content.Output;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.SourcePos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The publish stage: writes the site into a fresh folder beside the output path, and only when
 * every file is written and every URL checked, renames the previous site away and the new one in.
 * The output path is always a plain folder, so {@code cp -r}, {@code rsync}, {@code find} and deploy
 * actions see files, not a link. A failed or killed build keeps the previous site; one killed
 * between the two renames leaves the output path missing for that moment, and the next build (or
 * {@link #recover}) puts the newest whole version back first. Versions of earlier builds are
 * removed once the new one is in place.
 *
 * <p>One build at a time per output path: an exclusive lock on a file named after the output
 * path in the user's cache folder (a second build waits for it, up to {@link #LOCK_WAIT_MS}, then
 * fails with a message), so that nothing but the output folder is left beside it. Only folders
 * this writer made are ever replaced or removed: an output path that is a folder somebody filled,
 * or a link to somewhere else, is refused.
 *
 * <p>Diagnostic id: {@code config-output} (exit code 2).
 */
public final class OutputWriter {

    /** The file that marks a folder as Casebook output, safe to replace. */
    public static final String MARKER = ".casebook-output";
    static final long LOCK_WAIT_MS = 60_000;

    /** Sees each generated file as it is produced (bundle files copied as they are excepted). */
    public interface Inspector {
        void inspect(String path, byte[] content);

        Inspector NONE = (path, content) -> { };
    }

    /** Steps of publishing, for tests that stop a build half-way. */
    public interface Faults {
        /** Called at each named step; may throw to simulate a crash or an I/O error there. */
        void at(String step) throws IOException;

        Faults NONE = step -> { };
    }

    private final Faults faults;

    public OutputWriter() {
        this(Faults.NONE);
    }

    public OutputWriter(Faults faults) {
        this.faults = faults;
    }

    /** Why the output path may not be written, if it may not. */
    public static Optional<Diagnostic> refuse(Path out) {
        if (Files.isSymbolicLink(out)) {
            return ours(out) ? Optional.empty() : Optional.of(Diagnostic.error("config-output", SourcePos.file(out.toString()),
                    "refusing to replace " + out + ": it is a link that casebook did not make",
                    "choose another folder with --out, or remove the link yourself"));
        }
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(Diagnostic.error("config-output", SourcePos.file(out.toString()),
                    "output path exists and is not a folder", "pass --out with a folder path"));
        }
        if (Files.exists(out.resolve(MARKER)) || isEmpty(out)) {
            return Optional.empty();
        }
        return Optional.of(Diagnostic.error("config-output", SourcePos.file(out.toString()),
                "refusing to replace " + out + ": it is not empty and was not made by casebook",
                "choose an empty or new folder with --out, or delete this one yourself"));
    }

    /** A link made by this writer: to a sibling {@code .<name>.v-*} folder holding the marker. */
    private static boolean ours(Path out) {
        try {
            Path target = Files.readSymbolicLink(out);
            String name = out.getFileName().toString();
            return target.getNameCount() == 1 && target.toString().startsWith("." + name + ".v-")
                    && Files.exists(out.resolveSibling(target).resolve(MARKER));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes {@code outputs} as the new content of {@code out}. If a lazy output fails, nothing is
     * swapped in: the previous site stays and the failures are returned.
     */
    public List<Diagnostic> write(Path out, List<Output> outputs) throws IOException {
        return write(out, outputs, List::of, Inspector.NONE, List::of);
    }

    /**
     * Produces every output without writing anything: what {@code casebook check} does, so that
     * template errors and dangling URLs are found as a build would find them. The outputs
     * {@code later} gives (the search index, built meanwhile) come after the others.
     */
    public static List<Diagnostic> produce(List<Output> outputs, Supplier<List<Output>> later, Inspector inspector) {
        List<Diagnostic> failures = new ArrayList<>(produceAll(outputs, inspector));
        failures.addAll(produceAll(later.get(), inspector));
        return List.copyOf(failures);
    }

    private static List<Diagnostic> produceAll(List<Output> outputs, Inspector inspector) {
        List<Diagnostic> failures = Collections.synchronizedList(new ArrayList<>());
        outputs.parallelStream().forEach(output -> {
            try {
                if (output instanceof Output.Bytes b) {
                    inspector.inspect(b.path(), b.content());
                } else if (output instanceof Output.Lazy l) {
                    inspector.inspect(l.path(), l.content().get());
                }
            } catch (Output.Failure f) {
                failures.add(f.diagnostic());
            }
        });
        return List.copyOf(failures);
    }

    /**
     * Writes {@code outputs} into a fresh folder, then the outputs {@code later} gives once those
     * are written (the search index, built meanwhile), showing each file to {@code inspector}; then
     * asks {@code gate} for the last diagnostics; the new site replaces the old one only when neither a
     * failure nor an error from the gate stands in the way. Everything found is returned.
     */
    public List<Diagnostic> write(Path out, List<Output> outputs, Supplier<List<Output>> later, Inspector inspector,
                                  Supplier<List<Diagnostic>> gate) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        try (Lock lock = Lock.take(lockFile(target))) {
            if (lock == null) {
                return List.of(Diagnostic.error("config-output", SourcePos.file(out.toString()),
                        "another casebook build is writing " + out + " (waited " + LOCK_WAIT_MS / 1000 + " s)",
                        "wait for it to finish, or build into another folder with --out"));
            }
            recover(target);
            Optional<Diagnostic> refused = refuse(target);
            if (refused.isPresent()) {
                return List.of(refused.get());
            }
            Path fresh = parent.resolve("." + name + ".v-" + UUID.randomUUID());
            boolean swapped = false;
            try {
                Files.createDirectory(fresh);
                faults.at("writing");
                List<Diagnostic> failures = new ArrayList<>(writeAll(fresh, outputs, inspector));
                failures.addAll(writeAll(fresh, later.get(), inspector));
                if (!failures.isEmpty()) {
                    return failures;
                }
                List<Diagnostic> last = gate.get();
                if (last.stream().anyMatch(Diagnostic::isError)) {
                    return last;
                }
                Files.writeString(fresh.resolve(MARKER), "Built by casebook; replaced on every build.\n");
                faults.at("swapping");
                swap(target, fresh);
                swapped = true;
                faults.at("cleaning");
                removeOld(parent, name, target);
                return last;
            } finally {
                if (!swapped && Files.exists(fresh, LinkOption.NOFOLLOW_LINKS)) {
                    deleteQuietly(fresh);
                }
            }
        }
    }

    /**
     * Puts {@code fresh} at {@code target}: the previous site (a folder, or the link an older
     * Casebook made) is renamed aside, then the new folder renamed in.
     */
    private void swap(Path target, Path fresh) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Path aside = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            faults.at("between-renames");
        }
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Removes what earlier builds left: folders of older versions and half-written ones, links
     * that were never moved. Runs under the lock, so none of them is in use by another build.
     * If the output path is missing while an earlier whole version exists, it is put back first.
     */
    private static void removeOld(Path parent, String name, Path keep) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                boolean leftover = n.startsWith("." + name + ".v-") || n.startsWith("." + name + ".link-")
                        || n.startsWith("." + name + ".tmp-") || n.startsWith("." + name + ".old-")
                        || n.equals("." + name + ".lock"); // where an older Casebook kept its lock
                if (leftover && !p.equals(keep)) {
                    deleteQuietly(p);
                }
            }
        }
    }

    /**
     * Puts the site back where a build died between the two renames of its swap (the output path
     * missing, whole versions beside it): the newest whole one, so that readers find a site again.
     */
    public static void recover(Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) || !Files.isDirectory(target.getParent())) {
            return;
        }
        String name = target.getFileName().toString();
        try (Stream<Path> s = Files.list(target.getParent())) {
            Optional<Path> whole = s.filter(p -> p.getFileName().toString().startsWith("." + name + ".v-")
                            || p.getFileName().toString().startsWith("." + name + ".old-"))
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && Files.exists(p.resolve(MARKER)))
                    .max((a, b) -> Long.compare(modified(a), modified(b)));
            if (whole.isPresent()) {
                Files.move(whole.get(), target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p.resolve(MARKER)).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<Diagnostic> writeAll(Path root, List<Output> outputs, Inspector inspector) {
        List<Diagnostic> failures = Collections.synchronizedList(new ArrayList<>());
        // folders made so far: each is made once, not asked for again before every file in it
        Set<Path> folders = ConcurrentHashMap.newKeySet();
        folders.add(root);
        outputs.parallelStream().forEach(output -> {
            Path file = root.resolve(output.path()).normalize();
            if (!file.startsWith(root) || file.equals(root)) {
                throw new IllegalStateException("output path leaves the site: " + output.path());
            }
            try {
                if (!folders.contains(file.getParent())) {
                    Files.createDirectories(file.getParent());
                    folders.add(file.getParent());
                }
                if (output instanceof Output.Bytes b) {
                    inspector.inspect(b.path(), b.content());
                    Files.write(file, b.content());
                } else if (output instanceof Output.Copy c) {
                    Files.copy(c.from(), file, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                } else if (output instanceof Output.Lazy l) {
                    byte[] content = l.content().get();
                    inspector.inspect(l.path(), content);
                    Files.write(file, content);
                }
            } catch (Output.Failure f) {
                failures.add(f.diagnostic());
            } catch (NoSuchFileException e) {
                failures.add(Diagnostic.error("config-output", SourcePos.file(e.getFile() == null ? output.path() : e.getFile()),
                        "a file went away while the site was being built: " + e.getFile(),
                        "build again once the files stay put"));
            } catch (IOException e) {
                // a full disk, a read-only folder: said once per file, never as a trace
                failures.add(Diagnostic.error("config-output", SourcePos.file(output.path()),
                        "cannot write " + output.path() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                        "check the free space and permissions of the output folder; the previous site is kept"));
            }
        });
        return List.copyOf(failures);
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Deletes a file, a link (not what it points to) or a folder tree, ignoring what is already
     * gone. The first levels of a tree are removed in parallel: unlinking is a system call per
     * file, and two threads remove a 1,000-article site in half the time of one.
     */
    static void deleteQuietly(Path root) {
        delete(root, 0);
    }

    private static final int PARALLEL_LEVELS = 2;

    private static void delete(Path path, int level) {
        try {
            if (Files.isSymbolicLink(path) || !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(path);
                return;
            }
            if (level < PARALLEL_LEVELS) {
                List<Path> children;
                try (Stream<Path> s = Files.list(path)) {
                    children = s.toList();
                }
                children.parallelStream().forEach(child -> delete(child, level + 1));
                Files.deleteIfExists(path);
                return;
            }
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // what cannot be removed now is removed by the next build
        }
    }

    /**
     * The lock file of the output path {@code target}: in {@code $XDG_CACHE_HOME/casebook/locks/}
     * (or {@code ~/.cache/casebook/locks/}), named by a digest of the path, so that two builds of
     * the same folder meet there and nothing is left beside the site.
     */
    static Path lockFile(Path target) throws IOException {
        Path locks = UserCache.made("locks");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(target.toString().getBytes(StandardCharsets.UTF_8));
            return locks.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".lock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** An exclusive lock on a file, held by this process; null when it could not be had in time. */
    private static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static Lock take(Path file) throws IOException {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            long deadline = System.currentTimeMillis() + LOCK_WAIT_MS;
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // another build in this same process holds it
                }
                if (lock != null) {
                    return new Lock(channel, lock);
                }
                if (System.currentTimeMillis() > deadline) {
                    channel.close();
                    return null;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    channel.close();
                    return null;
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (lock != null) {
                lock.release();
                channel.close();
            }
        }
    }
}
