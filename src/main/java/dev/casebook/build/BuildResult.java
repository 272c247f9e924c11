package dev.casebook.build;

import dev.casebook.content.Lang;
import dev.casebook.diag.Report;
import java.time.Duration;
import java.util.Map;

/**
 * What a build did: its diagnostics, whether the site was written, and the figures for the summary.
 *
 * @param pages pages written per language (articles, lists and tag pages)
 * @param files all files written
 * @param stages time spent in each stage, in pipeline order
 */
public record BuildResult(Report report, boolean written, Map<Lang, Integer> pages, int articles, int files,
                          Duration time, Map<String, Duration> stages) {

    /** True when a problem lies in configuration or usage rather than in content (exit code 2). */
    public boolean configError() {
        return report.diagnostics().stream().anyMatch(d -> d.isError() && d.id().startsWith("config-"));
    }
}
