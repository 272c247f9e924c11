package dev.casebook.cli;

import dev.casebook.build.BuildOptions;
import dev.casebook.build.BuildResult;
import dev.casebook.build.SiteBuild;
import dev.casebook.content.BaseUrl;
import dev.casebook.content.Lang;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.DiagnosticFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds the site: every article in every language, lists, tags, feeds and sitemap.")
final class BuildCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--site", paramLabel = "DIR", description = "Knowledge base folder, holding content/ (default: current folder).")
    Path site = Path.of(".");

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: target/site in the site folder).")
    Path out;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Where the site is published, e.g. https://org.github.io/kb/ (overrides base_url of _site.yaml).")
    String baseUrl;

    @Option(names = "--drafts", description = "Also publish articles with draft: true.")
    boolean drafts;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Option(names = "--timings", description = "Also print the time spent in each stage.")
    boolean timings;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Diagnostics as text (default) or github (Actions annotations).")
    String format;

    @Override
    public Integer call() {
        PrintWriter out1 = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DiagnosticFormat diagnosticFormat;
        try {
            diagnosticFormat = DiagnosticFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be text or github, not " + format);
        }
        Optional<BaseUrl> base = Optional.empty();
        if (baseUrl != null) {
            try {
                base = Optional.of(BaseUrl.parse(baseUrl));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--base-url: " + e.getMessage());
            }
        }
        Path output = out != null ? out : site.resolve("target").resolve("site");
        BuildOptions options = new BuildOptions(site, output, base, drafts, strict);
        BuildResult result = new SiteBuild().build(options);

        for (Diagnostic d : result.report().diagnostics()) {
            err.println(diagnosticFormat.format(d));
        }
        out1.println(summary(result, output));
        if (timings) {
            out1.println("stages: " + result.stages().entrySet().stream()
                    .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f s", e.getValue().toMillis() / 1000.0))
                    .collect(Collectors.joining(", ")));
        }
        if (result.configError()) {
            return Main.USAGE;
        }
        return result.report().fails(strict) ? Main.CONTENT_ERRORS : Main.OK;
    }

    static String summary(BuildResult r, Path output) {
        String counts = plural(r.report().errors(), "error") + ", " + plural(r.report().warnings(), "warning");
        String seconds = String.format(Locale.ROOT, "%.1f s", r.time().toMillis() / 1000.0);
        if (!r.written()) {
            return "casebook build: " + counts + "; site not written (" + seconds + ")";
        }
        String perLang = r.pages().entrySet().stream()
                .map((Map.Entry<Lang, Integer> e) -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return "casebook build: " + plural(r.articles(), "article") + ", " + r.pages().values().stream().mapToInt(i -> i).sum()
                + " pages (" + perLang + "), " + r.files() + " files, " + counts + " in " + seconds + " -> " + output;
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
