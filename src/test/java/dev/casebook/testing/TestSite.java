package dev.casebook.testing;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.content.BaseUrl;
import dev.casebook.diag.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * A small site written as one text block of {@code -- path --} sections (the form of Hugo's
 * integration tests), built into a temporary folder.
 *
 * <pre>
 * -- content/litellm/a/index.en.md --
 * ---
 * title: A
 * ...
 * </pre>
 */
public final class TestSite {

    private final Path root;

    private TestSite(Path root) {
        this.root = root;
    }

    /** The smallest site: one English article, no {@code _site.yaml}. */
    public static final String ONE_ARTICLE = """
            -- content/a/b/index.en.md --
            ---
            title: B
            summary: S
            date: 2025-02-18
            ---
            Body.
            """;

    /** The front matter of a test article: five lines, so that its body starts on line 6. */
    public static final String FRONT_MATTER = "---\ntitle: A\nsummary: S\ndate: 2025-02-18\n---\n";

    /** Writes the files of {@code spec} under {@code dir}. */
    public static TestSite write(Path dir, String spec) {
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : spec.split("\n", -1)) {
            if (line.startsWith("-- ") && line.endsWith(" --") && line.length() > 6) {
                flush(dir, current, body);
                current = line.substring(3, line.length() - 3).strip();
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        flush(dir, current, body);
        return new TestSite(dir);
    }

    private static void flush(Path dir, String path, StringBuilder body) {
        if (path == null) {
            return;
        }
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            String text = body.toString();
            // a section ends with the blank line before the next marker; keep files ending in one newline
            Files.writeString(file, text.replaceAll("\n+$", "\n"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Path out() {
        return root.resolve("out");
    }

    public Built build() {
        return build(BuildOptions.of(root, out()));
    }

    public Built build(String baseUrl) {
        return build(BuildOptions.of(root, out()).withBaseUrl(BaseUrl.parse(baseUrl)));
    }

    public Built build(BuildOptions options) {
        return new Built(new SiteBuild().build(options), options.out());
    }

    /** A finished build: its result and the files it wrote. */
    public record Built(BuildResult result, Path out) {

        /** Every diagnostic, formatted as the CLI prints it, one per line (hints included). */
        public String diagnostics() {
            return result.report().diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
        }

        public String headlines() {
            return result.report().diagnostics().stream().map(Diagnostic::headline).collect(Collectors.joining("\n"));
        }

        public String file(String path) {
            try {
                return Files.readString(out.resolve(path), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public boolean exists(String path) {
            return Files.exists(out.resolve(path));
        }

        public org.jsoup.nodes.Document html(String path) {
            return Jsoup.parse(file(path));
        }

        /** Every file of the site, as sorted site paths. */
        public List<String> files() {
            // the output path is a link to the current build's folder
            try (Stream<Path> s = Files.walk(out.toRealPath())) {
                Path real = out.toRealPath();
                return s.filter(Files::isRegularFile).map(p -> real.relativize(p).toString().replace('\\', '/'))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public List<String> htmlFiles() {
            return files().stream().filter(f -> f.endsWith(".html")).toList();
        }
    }
}
