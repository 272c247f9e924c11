package dev.casebook.cli;

import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.diag.ReportFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Runs every check of a build without writing the site: front matter, links and anchors, "
                + "config snippets, translations, templates, and the URLs of every generated page.",
                "Use it in pull requests: --format github prints annotations and writes a step summary."})
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SiteOptions site = new SiteOptions();

    @Option(names = "--timings", description = "Also print the time spent in each stage.")
    boolean timings;

    @Override
    public Integer call() {
        ReportFormat format = site.reportFormat(spec.commandLine());
        var options = site.buildOptions(spec.commandLine(), site.site.resolve("target").resolve("site")).checkOnly();
        BuildResult result = new SiteBuild().build(options);
        return Reporting.report("check", result, site, format, timings, spec.commandLine());
    }
}
