package dev.casebook.publish;

import dev.casebook.content.Output;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.SourcePos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The publish stage: writes the site into a fresh folder beside the output folder, then swaps it in
 * with renames, so a reader or a server never sees half a site and an interrupted build leaves the
 * previous site in place. It only ever replaces a folder that it created itself (marked by
 * {@value #MARKER}), never a folder the user filled.
 *
 * <p>Diagnostic id: {@code config-output} (exit code 2).
 */
public final class OutputWriter {

    /** The file that marks a folder as Casebook output, safe to replace. */
    public static final String MARKER = ".casebook-output";

    /** Why the output folder may not be written, if it may not. */
    public static Optional<Diagnostic> refuse(Path out) {
        if (!Files.exists(out)) {
            return Optional.empty();
        }
        if (!Files.isDirectory(out)) {
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

    /** Sees each generated file as it is produced (bundle files copied as they are excepted). */
    public interface Inspector {
        void inspect(String path, byte[] content);

        Inspector NONE = (path, content) -> { };
    }

    /**
     * Writes {@code outputs} as the new content of {@code out}. If a lazy output fails, nothing is
     * swapped in: the previous site stays and the failures are returned.
     */
    public List<dev.casebook.diag.Diagnostic> write(Path out, List<Output> outputs) throws IOException {
        return write(out, outputs, Inspector.NONE, List::of);
    }

    /**
     * Produces every output without writing anything: what {@code casebook check} does, so that
     * template errors and dangling URLs are found as a build would find them.
     */
    public static List<dev.casebook.diag.Diagnostic> produce(List<Output> outputs, Inspector inspector) {
        List<dev.casebook.diag.Diagnostic> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
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
     * Writes {@code outputs} into a fresh folder, showing each file to {@code inspector}, then asks
     * {@code gate} for the last diagnostics; the fresh folder is swapped in only when neither a
     * failure nor an error from the gate stands in the way. Everything found is returned.
     */
    public List<dev.casebook.diag.Diagnostic> write(Path out, List<Output> outputs, Inspector inspector,
                                                   java.util.function.Supplier<List<dev.casebook.diag.Diagnostic>> gate)
            throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        removeStale(parent, name);
        Path fresh = parent.resolve("." + name + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectory(fresh);
            List<dev.casebook.diag.Diagnostic> failures = writeAll(fresh, outputs, inspector);
            if (!failures.isEmpty()) {
                return failures;
            }
            List<dev.casebook.diag.Diagnostic> last = gate.get();
            if (last.stream().anyMatch(dev.casebook.diag.Diagnostic::isError)) {
                return last;
            }
            Files.writeString(fresh.resolve(MARKER), "Built by casebook; the whole folder is replaced on every build.\n");
            swap(fresh, target, parent.resolve("." + name + ".old-" + UUID.randomUUID()));
            return last;
        } finally {
            if (Files.exists(fresh)) {
                deleteTree(fresh);
            }
        }
    }

    private static List<dev.casebook.diag.Diagnostic> writeAll(Path root, List<Output> outputs, Inspector inspector) {
        List<dev.casebook.diag.Diagnostic> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        outputs.parallelStream().forEach(output -> {
            Path file = root.resolve(output.path()).normalize();
            if (!file.startsWith(root) || file.equals(root)) {
                throw new IllegalStateException("output path leaves the site: " + output.path());
            }
            try {
                Files.createDirectories(file.getParent());
                if (output instanceof Output.Bytes b) {
                    inspector.inspect(b.path(), b.content());
                    Files.write(file, b.content());
                } else if (output instanceof Output.Copy c) {
                    Files.copy(c.from(), file, StandardCopyOption.REPLACE_EXISTING);
                } else if (output instanceof Output.Lazy l) {
                    byte[] content = l.content().get();
                    inspector.inspect(l.path(), content);
                    Files.write(file, content);
                }
            } catch (Output.Failure f) {
                failures.add(f.diagnostic());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return List.copyOf(failures);
    }

    private static void swap(Path fresh, Path target, Path old) throws IOException {
        boolean hadOld = Files.exists(target);
        if (hadOld) {
            move(target, old);
        }
        move(fresh, target);
        if (hadOld) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    // Folders left by a build that was killed: ours by name, safe to remove.
    private static void removeStale(Path parent, String name) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith("." + name + ".tmp-") || n.startsWith("." + name + ".old-")) {
                    deleteTree(p);
                }
            }
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
