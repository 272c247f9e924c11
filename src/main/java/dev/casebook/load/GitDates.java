package dev.casebook.load;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.SourcePos;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The day of the last commit that touched each file of {@code content/}, from one {@code git log},
 * so that an article without {@code updated:} shows when it last really changed, per translation.
 * Not a repository: no dates, nothing said. A shallow clone (its oldest commit would seem to have
 * touched every file), no {@code git} binary, or git refusing: no dates, and a note says so once.
 */
final class GitDates {

    private static final long TIMEOUT_SECONDS = 30;

    /** The commit days by path relative to the site folder ({@code content/a/b/index.en.md}), and what to say. */
    record Found(Map<String, LocalDate> days, Optional<Diagnostic> note) {
        static final Found NONE = new Found(Map.of(), Optional.empty());
    }

    private GitDates() {
    }

    static Found read(Path site) {
        if (!inRepository(site)) {
            return Found.NONE;
        }
        try {
            Optional<String> inside = git(site, "rev-parse", "--is-inside-work-tree");
            if (inside.isEmpty() || !inside.get().strip().equals("true")) {
                return note("git does not read this folder as a repository (for example, it is owned by another user)");
            }
            if (git(site, "rev-parse", "--is-shallow-repository").orElse("").strip().equals("true")) {
                return note("the clone is shallow, so its oldest commit seems to touch every file; "
                        + "fetch the whole history (actions/checkout with fetch-depth: 0)");
            }
            Optional<String> log = git(site, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--relative",
                    "--", "content");
            if (log.isEmpty()) {
                return note("git log failed");
            }
            return new Found(days(log.get()), Optional.empty());
        } catch (IOException e) {
            return note("git cannot be run (" + e.getMessage() + ")");
        }
    }

    /** Parses {@code \0YYYY-MM-DD} lines, each followed by the files of that commit; the newest commit comes first. */
    static Map<String, LocalDate> days(String log) {
        Map<String, LocalDate> days = new HashMap<>();
        LocalDate current = null;
        for (String line : log.split("\n")) {
            if (line.startsWith("\0")) {
                try {
                    current = LocalDate.parse(line.substring(1).strip());
                } catch (DateTimeParseException e) {
                    current = null;
                }
            } else if (current != null && !line.isBlank()) {
                days.putIfAbsent(line.strip(), current);
            }
        }
        return days;
    }

    /** True when {@code site} or a folder above it holds {@code .git}. */
    private static boolean inRepository(Path site) {
        for (Path dir = site.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return true;
            }
        }
        return false;
    }

    private static Found note(String why) {
        return new Found(Map.of(), Optional.of(Diagnostic.note("dates", SourcePos.file("content"),
                "articles without `updated:` show their front-matter dates: " + why,
                "write `updated:` in the front matter, or build from a full clone")));
    }

    /** The standard output of {@code git args} in {@code dir}, or empty when it failed. */
    private static Optional<String> git(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close(); // git reads nothing from us
        String out;
        try (InputStream in = process.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return Optional.empty();
        }
        return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    }
}
