package dev.casebook.diag;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a report is printed, the same for {@code build}, {@code check} and {@code validate}:
 * {@code text} for people, {@code github} as GitHub Actions annotations, {@code json} as an array
 * of findings, {@code sarif} as SARIF 2.1.0 for code scanning. The report goes to standard output;
 * the commands print their one-line summary to standard error, so {@code --format json > out.json}
 * holds only the report.
 */
public enum ReportFormat {
    TEXT, GITHUB, JSON, SARIF;

    /** The format called {@code name} (any case). */
    public static ReportFormat parse(String name) {
        for (ReportFormat f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("--format must be one of " + names() + ", not " + name);
    }

    /** {@code text, github, json, sarif} */
    public static String names() {
        return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    /**
     * The whole report, ready to print; empty for a line format with nothing to say.
     *
     * @param rules what SARIF says about the rule ids the report may use
     */
    public String render(Report report, String toolVersion, List<RuleInfo> rules) {
        return switch (this) {
            case TEXT, GITHUB -> report.diagnostics().stream().map(d -> line(d) + "\n").collect(Collectors.joining());
            case JSON -> ReportWriter.json(report.diagnostics());
            case SARIF -> ReportWriter.sarif(report.diagnostics(), toolVersion, rules);
        };
    }

    /** One diagnostic in a line format ({@code text} may take two lines: the headline and the hint). */
    public String line(Diagnostic d) {
        return switch (this) {
            // GitHub's workflow commands: ::error, ::warning and ::notice
            case GITHUB -> "::" + (d.severity() == Severity.NOTE ? "notice" : d.severity().label())
                    + " file=" + property(d.pos().path())
                    + ",line=" + d.pos().line()
                    + ",col=" + d.pos().column()
                    + ",title=" + property(d.id())
                    + "::" + data(d.hint().isEmpty() ? Terminal.safe(d.message())
                    : Terminal.safe(d.message()) + "\n" + Terminal.safe(d.hint()));
            default -> {
                String head = Terminal.safe(d.pos().toString()) + ": " + d.severity().label() + "[" + d.id() + "]: " + Terminal.safe(d.message());
                yield d.hint().isEmpty() ? head : head + "\n  hint: " + Terminal.safe(d.hint());
            }
        };
    }

    // GitHub's workflow-command escaping: data escapes % CR LF, properties also : and ,
    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
