package dev.casebook.pipeline;

import dev.casebook.content.TranslationResult;
import dev.casebook.content.Output;
import dev.casebook.content.SiteContent;
import dev.casebook.content.TranslationReport;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Report;
import dev.casebook.render.Theme;
import dev.casebook.validate.Catalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the stages have produced so far, passed from one stage to the next and never
 * changed in place: each stage returns a new BuildState with its results and diagnostics added.
 *
 * @param entries  one per translation, by source path
 * @param search   the search index files (empty until the search stage)
 * @param outputs  every file of the site, pages lazily rendered (empty until the render stage)
 * @param stages   the time each stage took, in pipeline order
 * @param run      how this build runs: whether it publishes, its search index, whether it wrote the site
 */
public record BuildState(BuildOptions options, SiteContent source, Theme theme, Catalog catalog, Map<String, TranslationResult> entries,
                   TranslationReport translations, List<Output> search, List<Output> outputs,
                   List<Diagnostic> diagnostics, Map<String, Duration> stages, Run run) {

    /**
     * How one build runs, beside what its stages found: whether it publishes (a full build) or
     * stops at render (the preview), the search index once the search stage made it, and whether
     * the site was written.
     */
    record Run(boolean publishing, SearchTask search, boolean written) {
    }

    public BuildState {
        search = List.copyOf(search);
        outputs = List.copyOf(outputs);
        diagnostics = List.copyOf(diagnostics);
        stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    }

    static BuildState start(BuildOptions options, boolean publishing) {
        return new BuildState(options, null, null, null, Map.of(), TranslationReport.EMPTY, List.of(), List.of(),
                List.of(), Map.of(), new Run(publishing, null, false));
    }

    /** True for a build that publishes: it runs every stage, and its search index starts at once. */
    /** The outputs apart from the search index's files: what does not change when the index does. */
    public List<Output> outputsBesideSearch() {
        Set<Output> index = Collections.newSetFromMap(new IdentityHashMap<>());
        index.addAll(search);
        List<Output> rest = new ArrayList<>(outputs.size());
        for (Output o : outputs) {
            if (!index.contains(o)) {
                rest.add(o);
            }
        }
        return rest;
    }

    boolean publishing() {
        return run.publishing();
    }

    /** The search index, from the search stage on. */
    SearchTask searchTask() {
        return run.search();
    }

    /** True when the publish stage replaced the previous site with this one. */
    public boolean written() {
        return run.written();
    }

    BuildState withSearchTask(SearchTask task) {
        return new BuildState(options, source, theme, catalog, entries, translations, search, outputs, diagnostics, stages,
                new Run(run.publishing(), task, run.written()));
    }

    BuildState written(boolean written) {
        return new BuildState(options, source, theme, catalog, entries, translations, search, outputs, diagnostics, stages,
                new Run(run.publishing(), run.search(), written));
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

    BuildState with(SiteContent source, Theme theme, Catalog catalog) {
        return new BuildState(options, source, theme, catalog, entries, translations, search, outputs, diagnostics, stages, run);
    }

    /** With {@code entries}, a map the caller made for this site and no longer changes. */
    BuildState withEntries(Map<String, TranslationResult> entries) {
        return new BuildState(options, source, theme, catalog, Collections.unmodifiableMap(entries), translations, search, outputs,
                diagnostics, stages, run);
    }

    BuildState withSource(SiteContent source) {
        return new BuildState(options, source, theme, catalog, entries, translations, search, outputs, diagnostics, stages, run);
    }

    BuildState withTranslations(TranslationReport report) {
        return new BuildState(options, source, theme, catalog, entries, report, search, outputs, diagnostics, stages, run);
    }

    BuildState withSearch(List<Output> files) {
        return new BuildState(options, source, theme, catalog, entries, translations, files, outputs, diagnostics, stages, run);
    }

    BuildState withOutputs(List<Output> files) {
        return new BuildState(options, source, theme, catalog, entries, translations, search, files, diagnostics, stages, run);
    }

    BuildState plus(List<Diagnostic> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.addAll(more);
        return new BuildState(options, source, theme, catalog, entries, translations, search, outputs, all, stages, run);
    }

    BuildState timed(String stage, Duration time) {
        Map<String, Duration> all = new LinkedHashMap<>(stages);
        all.put(stage, time);
        return new BuildState(options, source, theme, catalog, entries, translations, search, outputs, diagnostics, all, run);
    }
}
