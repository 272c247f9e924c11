package dev.casebook.build;

import dev.casebook.content.Lang;
import dev.casebook.content.TranslationReport;
import dev.casebook.diag.Report;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a build did: its diagnostics, whether the site was written, and the figures for the summary.
 *
 * @param pages    pages written per language (articles, lists and tag pages)
 * @param files    all files written
 * @param stages   time spent in each stage, in pipeline order
 * @param out      the output folder
 * @param notes    facts worth a line that are not problems ("no sitemap: no base URL")
 * @param peakHeapMb the largest heap the JVM used, in MB
 * @param translations where each translation stands (empty when the build stopped before the check stage)
 */
public record BuildResult(Report report, boolean written, Map<Lang, Integer> pages, int articles, int files,
                          Duration time, Map<String, Duration> stages, Path out, List<String> notes, long peakHeapMb,
                          TranslationReport translations) {

    public BuildResult {
        notes = List.copyOf(notes);
    }

    /** True when a problem lies in configuration or usage rather than in content (exit code 2). */
    public boolean configError() {
        return report.diagnostics().stream().anyMatch(d -> d.isError() && d.id().startsWith("config-"));
    }
}
