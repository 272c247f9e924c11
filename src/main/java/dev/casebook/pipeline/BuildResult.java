package dev.casebook.pipeline;

import dev.casebook.content.Lang;
import dev.casebook.content.SiteContent;
import dev.casebook.content.TranslationReport;
import dev.casebook.diag.Report;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /** The result of a build that ended with {@code site}, having started at {@code start} ({@link System#nanoTime()}). */
    static BuildResult of(BuildState site, boolean written, long start, List<String> more) {
        Map<Lang, Integer> pages = new LinkedHashMap<>();
        SiteContent source = site.source();
        List<Lang> languages = source == null ? List.of() : source.config().languages();
        for (Lang lang : languages) {
            String prefix = lang.code() + "/";
            pages.put(lang, (int) site.outputs().stream()
                    .filter(o -> o.path().startsWith(prefix) && o.path().endsWith(".html")).count());
        }
        List<String> notes = new ArrayList<>();
        if (source != null && !source.config().baseUrl().hasOrigin()) {
            notes.add("no sitemap.xml: a sitemap needs absolute URLs, and the site has no base URL; "
                    + "set base_url in content/_site.yaml or pass --base-url https://org.github.io/kb/");
        }
        notes.addAll(more);
        return new BuildResult(site.report(), written, pages, source == null ? 0 : source.articles().size(),
                site.outputs().size(), Duration.ofNanos(System.nanoTime() - start), site.stages(), site.options().out(),
                notes, heapPeakMb(), site.translations());
    }

    /** The highest heap use the JVM's memory pools saw, in MB. */
    private static long heapPeakMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }
}
