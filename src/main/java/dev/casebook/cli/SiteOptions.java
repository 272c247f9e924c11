package dev.casebook.cli;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.content.BaseUrl;
import dev.casebook.diag.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options {@code build} and {@code check} share: which site, how strictly, how to report. */
final class SiteOptions {

    @Option(names = "--site", paramLabel = "DIR", description = "Knowledge base folder, holding content/ (default: current folder).")
    Path site = Path.of(".");

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Where the site is published, e.g. https://org.github.io/kb/ (overrides base_url of _site.yaml).")
    String baseUrl;

    @Option(names = "--drafts", description = "Also publish articles with draft: true.")
    boolean drafts;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Keep the parsed articles in DIR for the next build, which parses again only what changed "
                    + "(for CI: restore DIR before the build, save it after).")
    Path cache;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: text (default), github (Actions annotations), json or sarif. "
                    + "The report goes to standard output, the summary to standard error.")
    String format;

    @Option(names = "--lang", paramLabel = "LANG",
            description = "Language of the writer-facing messages: en or zh (default: zh when LC_ALL, LC_MESSAGES or LANG "
                    + "names Chinese, else en). Ids and positions are the same in every language.")
    String lang;

    @Option(names = "--step-summary", paramLabel = "FILE", defaultValue = "${env:GITHUB_STEP_SUMMARY}",
            description = "With --format github, append a Markdown summary to FILE (default: $GITHUB_STEP_SUMMARY).")
    Path stepSummary;

    /** The language messages are written in: --lang, else the locale the environment names. */
    String messageLanguage(CommandLine cli) {
        if (lang != null) {
            if (!lang.equals("en") && !lang.equals("zh")) {
                throw new CommandLine.ParameterException(cli, "--lang must be en or zh, not " + lang);
            }
            return lang;
        }
        return languageOf(System.getenv());
    }

    /** zh when the first of LC_ALL, LC_MESSAGES and LANG that is set names Chinese ({@code zh_CN.UTF-8}), else en. */
    static String languageOf(Map<String, String> environment) {
        for (String variable : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return value.startsWith("zh") ? "zh" : "en";
            }
        }
        return "en";
    }

    /** The parsed format, or a usage error. */
    ReportFormat reportFormat(CommandLine cli) {
        try {
            return ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }

    /** The build options, or a usage error naming what is wrong with the site folder or the URL. */
    BuildOptions buildOptions(CommandLine cli, Path out) {
        requireSite(cli, site);
        return new BuildOptions(site, out, baseUrl(cli, baseUrl), drafts, strict, true, Optional.empty(),
                Optional.ofNullable(cache));
    }

    /** A usage error unless {@code site} is a folder holding content/ (every command that reads a site asks this). */
    static void requireSite(CommandLine cli, Path site) {
        if (!Files.isDirectory(site)) {
            throw new CommandLine.ParameterException(cli, "--site " + site + ": no such folder");
        }
        if (!Files.isDirectory(site.resolve("content"))) {
            throw new CommandLine.ParameterException(cli, "--site " + site + ": the folder has no content/ folder; "
                    + "run casebook in the knowledge base's root, or pass --site DIR");
        }
    }

    /** The parsed --base-url, or a usage error. */
    static Optional<BaseUrl> baseUrl(CommandLine cli, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(BaseUrl.parse(text));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, "--base-url: " + e.getMessage());
        }
    }
}
