package dev.casebook.cli;

import dev.casebook.publish.UserCache;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The JVM a build runs in, and the jar's entry point. {@code java -jar casebook.jar build} with no
 * JVM options starts a second JVM, tuned for the job, and passes its exit code on (the first one
 * does nothing else, and loads almost no classes). The {@code ./casebook} script and the Pages
 * workflow go through this too: one place decides.
 *
 * <ul>
 *   <li><b>Class-data sharing.</b> In the user's cache, {@code <jar name>-<digest>.jsa} holds the classes a
 *   build loads, parsed and verified, so the JVM maps them instead of loading them at every
 *   start (JDK 13+ dynamic AppCDS). The first build with a jar records it
 *   ({@code -XX:ArchiveClassesAtExit}) into a temporary file, moved into place once that build
 *   has ended; a jar newer than its archive records a fresh one. Where the cache cannot be
 *   written, the build runs without.
 *   <li><b>Compiler by size and command.</b> A build or check of up to {@link #SHORT_BUILD}
 *   Markdown files gets the quick compiler alone (C1) and reflection without generated classes: on
 *   two cores the optimising compiler (C2) spends more CPU compiling than it saves on a build of
 *   that length (at 10,000 articles a quarter of the check's CPU, {@code -XX:+CITime}). Larger
 *   builds keep C2, which pays off over a longer run. The preview runs for as long as the writer
 *   works, so C2's code pays off there from {@link #SMALL_SITE} Markdown files on: every save
 *   runs it.
 *   <li><b>Collector.</b> The serial collector and a heap that grows only as far as it must,
 *   with a 96 MB young generation for large sites: as fast as G1 or the parallel collector on a
 *   build, in half the memory or less. Sites of up to {@link #TINY_SITE} Markdown files get
 *   160 MB, which the knowledge base's build never fills; on larger sites a larger young
 *   generation only raises the peak.
 * </ul>
 *
 * <p>The first JVM is on the path of every build, so this class keeps it short: no string
 * concatenation with {@code +}, no lambdas and no streams (each bootstraps the JDK's
 * invokedynamic machinery in a fresh JVM), and the command line is read from
 * {@code /proc/self/cmdline} where there is one rather than through {@code ProcessHandle}.
 *
 * {@code CASEBOOK_JAVA_OPTS} replaces the choice of options (an empty value: the JVM's defaults);
 * a JVM started with options of its own, a run from classes rather than a jar, and commands
 * other than {@code build}, {@code check} and {@code serve} are left as they are.
 */
public final class Launcher {

    /** Set on the JVM this launcher starts, so that it does not start another. */
    static final String LAUNCHED = "casebook.launched";
    /** Markdown files up to which the preview gets the quick compiler alone. */
    static final int SMALL_SITE = 4000;
    /**
     * Markdown files up to which a build or check is short enough for the quick compiler alone:
     * a check of 10,000 articles (20,000 files) took 25 s of CPU with C1 and 33 s with C2, one of
     * 30,000 articles 74 s and 71 s (bench/README.md).
     */
    static final int SHORT_BUILD = 40_000;
    /** Markdown files up to which a build fits in a 160 MB young generation without a collection. */
    static final int TINY_SITE = 500;
    /** The serial collector, and a heap that grows only as far as it must. */
    private static final List<String> COLLECTOR =
            List.of("-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40");
    /**
     * Reflection through the JDK's native accessors: after 15 calls of a method the JDK otherwise
     * generates a class for it, and a small build's templates reach about a hundred getters that
     * often.
     */
    private static final String NATIVE_REFLECTION = "-Dsun.reflect.inflationThreshold=2147483647";
    /** A young generation the knowledge base's build never fills: one collection less. */
    static final List<String> TINY_SITE_OPTIONS =
            plus(List.of("-XX:TieredStopAtLevel=1", NATIVE_REFLECTION, "-Xmn160m"), COLLECTOR);
    /** A small young generation, so that the heap stays small once collections start. */
    static final List<String> SMALL_SITE_OPTIONS =
            plus(List.of("-XX:TieredStopAtLevel=1", NATIVE_REFLECTION, "-Xmn96m"), COLLECTOR);
    static final List<String> LARGE_SITE_OPTIONS = plus(List.of("-Xmn96m"), COLLECTOR);

    private static List<String> plus(List<String> first, List<String> options) {
        List<String> all = new ArrayList<>(first);
        all.addAll(options);
        return List.copyOf(all);
    }
    private static final List<String> QUIET_CDS = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private Launcher() {
    }

    /**
     * The jar's entry point: the command in a JVM of its own when {@link #relaunch} applies, else
     * here. It touches neither picocli nor the rest of Casebook before that is decided, so the
     * first JVM stays small and quick.
     */
    public static void main(String[] args) {
        OptionalInt forked = relaunch(args);
        if (forked.isPresent()) {
            System.exit(forked.getAsInt());
        }
        Main.main(args);
    }

    /**
     * Runs {@code args} in a tuned JVM when that applies, and returns its exit code; empty when
     * this JVM should do the work itself.
     */
    static OptionalInt relaunch(String[] args) {
        if (System.getProperty(LAUNCHED) != null || !buildsASite(args)) {
            return OptionalInt.empty();
        }
        Optional<Path> jar = jar();
        String chosen = System.getenv("CASEBOOK_JAVA_OPTS");
        if (jar.isEmpty() || chosen == null && !startedPlain()) {
            return OptionalInt.empty();
        }
        List<String> options = chosen != null ? words(chosen) : options(args[0], site(args));
        Path archive = archive(jar.get());
        Path recording = archive.resolveSibling(archive.getFileName().toString().concat(".tmp-").concat(Long.toString(pid())));
        List<String> cds = classData(jar.get(), archive, recording);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString()); // this JVM's own java
        command.addAll(cds);
        command.addAll(options);
        command.add("-D".concat(LAUNCHED).concat("=true"));
        command.add("-cp");
        command.add(jar.get().toString());
        command.add("dev.casebook.cli.Main"); // by name: this JVM never loads it
        command.addAll(Arrays.asList(args));
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalInt.empty(); // no second JVM: this one builds
        }
        Thread stop = new Thread(new Runnable() { // this JVM told to stop: so is the build
            @Override
            public void run() {
                child.destroy();
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
        int code;
        while (true) {
            try {
                code = child.waitFor();
                break;
            } catch (InterruptedException e) {
                // keep waiting: the build decides when it is done
            }
        }
        Runtime.getRuntime().removeShutdownHook(stop);
        if (cds.contains("-XX:ArchiveClassesAtExit=".concat(recording.toString()))) {
            keep(recording, archive);
        }
        return OptionalInt.of(code);
    }

    /**
     * The class-data options for a JVM running {@code jar}: map {@code archive} when it is as new
     * as the jar, else record one into {@code recording} (moved into place by {@link #keep}), or
     * nothing where the folder cannot take one.
     */
    static List<String> classData(Path jar, Path archive, Path recording) {
        List<String> options = new ArrayList<>();
        if (Files.isRegularFile(archive) && lastModified(archive) >= lastModified(jar)) {
            options.add("-XX:SharedArchiveFile=".concat(archive.toString()));
            options.add("-Xshare:auto");
        } else if (madeWritable(archive.getParent())) {
            options.add("-XX:ArchiveClassesAtExit=".concat(recording.toString()));
        } else {
            return List.of();
        }
        options.addAll(QUIET_CDS);
        return List.copyOf(options);
    }

    /**
     * In the JVM a launcher started: ends this one when the launcher's process ends. The launcher
     * waits for its child and passes on its exit code, so it only ends first when it is killed
     * outright ({@code kill -9}), and then nothing would stop a preview from serving on.
     */
    static void endWithParent() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isPresent()) {
            parent.get().onExit().thenRun(new Runnable() {
                @Override
                public void run() {
                    Runtime.getRuntime().halt(137);
                }
            });
        }
    }

    /** True when {@code dir} exists, or could be made, and can take a file. */
    private static boolean madeWritable(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return false;
        }
        return Files.isWritable(dir);
    }

    /** True for {@code build}, {@code check} and {@code serve}: the commands that build a site. */
    static boolean buildsASite(String[] args) {
        return args.length > 0 && List.of("build", "check", "serve").contains(args[0]);
    }

    /** The jar this class runs from, when it runs from one. */
    static Optional<Path> jar() {
        try {
            var source = Launcher.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** True when this JVM was started as {@code java -jar <this jar> ...}, with no options of its own. */
    private static boolean startedPlain() {
        Optional<List<String>> arguments = arguments();
        if (arguments.isEmpty() || arguments.get().size() < 2 || !arguments.get().get(0).equals("-jar")) {
            return false;
        }
        return System.getenv("JDK_JAVA_OPTIONS") == null && System.getenv("JAVA_TOOL_OPTIONS") == null;
    }

    /** This JVM's command-line arguments after the program name, from {@code /proc} or else from {@code ProcessHandle}. */
    private static Optional<List<String>> arguments() {
        Path proc = Path.of("/proc/self/cmdline");
        if (Files.isReadable(proc)) {
            try {
                return Optional.of(commandLine(Files.readAllBytes(proc)));
            } catch (IOException e) {
                // read it the portable way
            }
        }
        Optional<String[]> arguments = ProcessHandle.current().info().arguments();
        return arguments.isPresent() ? Optional.of(Arrays.asList(arguments.get())) : Optional.empty();
    }

    /** The words of a {@code /proc/<pid>/cmdline} (each ends with a NUL), without the program name. */
    static List<String> commandLine(byte[] cmdline) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                words.add(new String(cmdline, start, i - start, Charset.defaultCharset()));
                start = i + 1;
            }
        }
        return words.isEmpty() ? words : words.subList(1, words.size());
    }

    /** This process's id: the name of {@code /proc/self} where there is one. */
    private static long pid() {
        try {
            return Long.parseLong(Path.of("/proc/self").toRealPath().getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().pid();
        }
    }

    /** The site folder of the command line ({@code --site DIR}, {@code --site=DIR}, else the current folder). */
    static Path site(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--site") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--site=")) {
                return Path.of(args[i].substring("--site=".length()));
            }
        }
        return Path.of(".");
    }

    /** The JVM options for {@code command} ({@code build}, {@code check} or {@code serve}) on {@code site}: see the class comment. */
    static List<String> options(String command, Path site) {
        int quickUpTo = quickUpTo(command);
        return options(markdownFiles(site.resolve("content"), quickUpTo + 1L), quickUpTo);
    }

    /** Markdown files up to which {@code command} gets the quick compiler alone. */
    static int quickUpTo(String command) {
        return command.equals("serve") ? SMALL_SITE : SHORT_BUILD;
    }

    /**
     * The JVM options for a site of {@code markdownFiles} Markdown files, when the quick compiler
     * alone serves up to {@code quickUpTo} of them: see the class comment.
     */
    static List<String> options(long markdownFiles, int quickUpTo) {
        return markdownFiles <= TINY_SITE ? TINY_SITE_OPTIONS : markdownFiles <= quickUpTo ? SMALL_SITE_OPTIONS : LARGE_SITE_OPTIONS;
    }

    /** How many {@code index.<lang>.md} files {@code content} holds, counting up to {@code limit}. */
    static long markdownFiles(Path content, long limit) {
        return count(content.toFile(), limit, 0);
    }

    private static long count(File folder, long limit, long found) {
        File[] entries = folder.listFiles();
        if (entries == null) {
            return found;
        }
        for (File entry : entries) {
            if (found >= limit) {
                break;
            }
            String name = entry.getName();
            if (name.startsWith("index.") && name.endsWith(".md") && entry.isFile()) {
                found++;
            } else if (entry.isDirectory() && !Files.isSymbolicLink(entry.toPath())) {
                found = count(entry, limit, found);
            }
        }
        return found;
    }

    /**
     * The class-data archive of {@code jar}: in the user's cache ({@code ~/.cache/casebook/cds/}),
     * named after the jar and a digest of its path, so that nothing is left beside a jar a team
     * commits or copies, and two jars never share an archive.
     */
    static Path archive(Path jar) {
        return archive(jar, UserCache.folder("cds"));
    }

    static Path archive(Path jar, Path cache) {
        String name = jar.getFileName().toString();
        String stem = name.endsWith(".jar") ? name.substring(0, name.length() - ".jar".length()) : name;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(jar.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return cache.resolve(stem.concat("-").concat(HexFormat.of().formatHex(digest, 0, 8)).concat(".jsa"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static List<String> words(String options) {
        String trimmed = options.strip();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }

    private static long lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Moves a recorded archive into place; a failed or missing recording leaves things as they were. */
    static void keep(Path recording, Path archive) {
        try {
            if (Files.size(recording) > 0) {
                Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // without an archive the next build records one again
        } finally {
            try {
                Files.deleteIfExists(recording);
            } catch (IOException e) {
                // a stray temporary file is harmless
            }
        }
    }
}
