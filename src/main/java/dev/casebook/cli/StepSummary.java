package dev.casebook.cli;

import dev.casebook.pipeline.BuildResult;
import dev.casebook.content.TranslationReport;
import dev.casebook.diag.Diagnostic;
import java.util.List;

/**
 * The Markdown that {@code --format github} appends to {@code $GITHUB_STEP_SUMMARY}: the counts,
 * every problem with its place, and the state of the translations, so a reviewer sees the whole
 * run on the pull request's checks page.
 */
final class StepSummary {

    private static final int MAX_ROWS = 200;

    private StepSummary() {
    }

    static String markdown(String command, BuildResult result) {
        StringBuilder md = new StringBuilder();
        long errors = result.report().errors();
        long warnings = result.report().warnings();
        md.append("## Casebook ").append(command).append(": ")
                .append(errors == 0 && warnings == 0 ? "no problems" : Reporting.plural(errors, "error") + ", "
                        + Reporting.plural(warnings, "warning"))
                .append("\n\n");
        md.append(Reporting.plural(result.articles(), "article")).append(" checked.\n\n");
        List<Diagnostic> all = result.report().diagnostics();
        if (!all.isEmpty()) {
            md.append("| | Where | Check | Problem |\n| --- | --- | --- | --- |\n");
            for (Diagnostic d : all.subList(0, Math.min(all.size(), MAX_ROWS))) {
                md.append("| ").append(d.isError() ? "error" : "warning")
                        .append(" | <code>").append(cell(d.pos().toString())).append("</code> | <code>").append(cell(d.id()))
                        .append("</code> | ").append(prose(d.message()))
                        .append(d.hint().isEmpty() ? "" : "<br>" + prose(d.hint())).append(" |\n");
            }
            if (all.size() > MAX_ROWS) {
                md.append("\n").append(all.size() - MAX_ROWS).append(" more in the job log.\n");
            }
            md.append('\n');
        }
        md.append(translations(result.translations()));
        return md.toString();
    }

    private static String translations(TranslationReport report) {
        if (report.rows().isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("### Translations\n\n| Language |");
        for (TranslationReport.State s : TranslationReport.State.values()) {
            md.append(' ').append(s.label()).append(" |");
        }
        md.append("\n| --- |").append(" ---: |".repeat(TranslationReport.State.values().length)).append('\n');
        report.counts().forEach((lang, counts) -> {
            md.append("| ").append(lang.code()).append(" |");
            counts.values().forEach(n -> md.append(' ').append(n).append(" |"));
            md.append('\n');
        });
        return md.append('\n').toString();
    }

    /**
     * Text for a table cell, shown as text: HTML escaped, and every character Markdown would read
     * (a link, an image, emphasis, a code span, a cell border) written as a character reference,
     * so a file name or a value from content cannot become a link or a remote image.
     */
    private static String cell(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r', '\n' -> out.append(' ');
                default -> {
                    if ("`*_[]()!|~\\#".indexOf(c) >= 0) {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A message as a cell: its {@code `code`} spans kept as code, the text between and inside them escaped. */
    private static String prose(String s) {
        String[] parts = s.split("`", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) {
                out.append(cell(parts[i]));
            } else if (i < parts.length - 1) {
                out.append("<code>").append(cell(parts[i])).append("</code>");
            } else {
                out.append("&#96;").append(cell(parts[i])); // a last backtick without its pair is text
            }
        }
        return out.toString();
    }
}
