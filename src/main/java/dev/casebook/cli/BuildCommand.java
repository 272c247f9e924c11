package dev.casebook.cli;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.diag.ReportFormat;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds the site: every article in every language, lists, tags, feeds and sitemap. "
                + "The site is written only when no check fails.")
final class BuildCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SiteOptions site = new SiteOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: target/site in the site folder).")
    Path out;

    @Option(names = "--timings", description = "Also print the time spent in each stage.")
    boolean timings;

    @Override
    public Integer call() {
        ReportFormat format = site.reportFormat(spec.commandLine());
        Path output = out != null ? out : site.site.resolve("target").resolve("site");
        if (output.toString().isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out needs a folder path");
        }
        BuildOptions options = site.buildOptions(spec.commandLine(), output);
        BuildResult result = new SiteBuild().build(options);
        return Reporting.report("build", result, site, format, timings, spec.commandLine());
    }
}
