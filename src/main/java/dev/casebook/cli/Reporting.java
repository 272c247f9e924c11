package dev.casebook.cli;

import dev.casebook.pipeline.BuildResult;
import dev.casebook.content.Lang;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Report;
import dev.casebook.diag.DiagnosticText;
import dev.casebook.diag.ReportFormat;
import dev.casebook.diag.RuleInfo;
import dev.casebook.diag.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * How {@code build} and {@code check} report, by one rule shared with {@code validate}: the report
 * (diagnostics in the chosen format) goes to standard output, the one-line summary, notes and
 * timings to standard error.
 */
final class Reporting {

    private Reporting() {
    }

    static int report(String command, BuildResult result, SiteOptions site, ReportFormat format, boolean timings,
                      CommandLine cli) {
        PrintWriter out = cli.getOut();
        PrintWriter err = cli.getErr();
        String lang = site.messageLanguage(cli);
        Report report = new Report(result.report().diagnostics().stream().map(d -> DiagnosticText.in(lang, d)).toList());
        out.print(format.render(report, Main.version(), ruleInfos(result)));
        out.flush();
        err.println(summary(command, result));
        result.notes().forEach(n -> err.println("note: " + n));
        if (timings) {
            err.println("stages: " + result.stages().entrySet().stream()
                    .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f s", e.getValue().toMillis() / 1000.0))
                    .collect(Collectors.joining(", ")) + String.format(Locale.ROOT, "; peak heap %d MB", result.peakHeapMb()));
        }
        if (format == ReportFormat.GITHUB && site.stepSummary != null && !site.stepSummary.toString().isBlank()) {
            try {
                Files.writeString(site.stepSummary, StepSummary.markdown(command, result), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                err.println("casebook " + command + ": cannot write the step summary " + site.stepSummary + ": " + e.getMessage());
            }
        }
        err.flush();
        if (result.configError()) {
            return Main.USAGE;
        }
        return result.report().fails(site.strict) ? Main.CONTENT_ERRORS : Main.OK;
    }

    static String summary(String command, BuildResult r) {
        String counts = plural(r.report().errors(), "error") + ", " + plural(r.report().warnings(), "warning");
        String seconds = String.format(Locale.ROOT, "%.1f s", r.time().toMillis() / 1000.0);
        if (command.equals("check")) {
            return "casebook check: " + plural(r.articles(), "article") + ", " + counts + " in " + seconds;
        }
        if (!r.written()) {
            return "casebook build: " + counts + "; site not written (" + seconds + ")";
        }
        String perLang = r.pages().entrySet().stream()
                .map((Map.Entry<Lang, Integer> e) -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return "casebook build: " + plural(r.articles(), "article") + ", " + r.pages().values().stream().mapToInt(i -> i).sum()
                + " pages (" + perLang + "), " + r.files() + " files, " + counts + " in " + seconds + " -> " + r.out();
    }

    private static List<RuleInfo> ruleInfos(BuildResult result) {
        return result.report().diagnostics().stream().map(Diagnostic::id).distinct().sorted()
                .map(id -> new RuleInfo(id, id, "Casebook check " + id + " (see the README's list of diagnostics)",
                        result.report().diagnostics().stream().filter(d -> d.id().equals(id)).map(Diagnostic::severity)
                                .min(Enum::compareTo).orElse(Severity.WARNING), ""))
                .toList();
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
