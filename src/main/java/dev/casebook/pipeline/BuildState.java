package dev.casebook.pipeline;

import dev.casebook.content.Entry;
import dev.casebook.content.Output;
import dev.casebook.content.Source;
import dev.casebook.content.TranslationReport;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Report;
import dev.casebook.render.Theme;
import dev.casebook.validate.Catalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the stages have produced so far, passed from one stage to the next and never
 * changed in place: each stage returns a new BuildState with its results and diagnostics added.
 *
 * @param entries  one per translation, by source path
 * @param search   the search index files (empty until the search stage)
 * @param outputs  every file of the site, pages lazily rendered (empty until the render stage)
 * @param stages   the time each stage took, in pipeline order
 */
public record BuildState(BuildOptions options, Source source, Theme theme, Catalog catalog, Map<String, Entry> entries,
                   TranslationReport translations, List<Output> search, List<Output> outputs,
                   List<Diagnostic> diagnostics, Map<String, Duration> stages) {

    public BuildState {
        search = List.copyOf(search);
        outputs = List.copyOf(outputs);
        diagnostics = List.copyOf(diagnostics);
        stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    }

    static BuildState start(BuildOptions options) {
        return new BuildState(options, null, null, null, Map.of(), TranslationReport.EMPTY, List.of(), List.of(),
                List.of(), Map.of());
    }

    public Report report() {
        return Report.of(diagnostics);
    }

    /** True when a configuration problem (site config, theme, rules, output folder) stands. */
    public boolean configError() {
        return diagnostics.stream().anyMatch(d -> d.isError() && d.id().startsWith("config-"));
    }

    /** True when nothing stops the site from being written: no error (and, with --strict, no warning). */
    public boolean clean() {
        return !report().fails(options.strict()) && !configError();
    }

    BuildState with(Source source, Theme theme, Catalog catalog) {
        return new BuildState(options, source, theme, catalog, entries, translations, search, outputs, diagnostics, stages);
    }

    /** With {@code entries}, a map the caller made for this site and no longer changes. */
    BuildState withEntries(Map<String, Entry> entries) {
        return new BuildState(options, source, theme, catalog, Collections.unmodifiableMap(entries), translations, search, outputs,
                diagnostics, stages);
    }

    BuildState withSource(Source source) {
        return new BuildState(options, source, theme, catalog, entries, translations, search, outputs, diagnostics, stages);
    }

    BuildState withTranslations(TranslationReport report) {
        return new BuildState(options, source, theme, catalog, entries, report, search, outputs, diagnostics, stages);
    }

    BuildState withSearch(List<Output> files) {
        return new BuildState(options, source, theme, catalog, entries, translations, files, outputs, diagnostics, stages);
    }

    BuildState withOutputs(List<Output> files) {
        return new BuildState(options, source, theme, catalog, entries, translations, search, files, diagnostics, stages);
    }

    BuildState plus(List<Diagnostic> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.addAll(more);
        return new BuildState(options, source, theme, catalog, entries, translations, search, outputs, all, stages);
    }

    BuildState timed(String stage, Duration time) {
        Map<String, Duration> all = new LinkedHashMap<>(stages);
        all.put(stage, time);
        return new BuildState(options, source, theme, catalog, entries, translations, search, outputs, diagnostics, all);
    }
}
