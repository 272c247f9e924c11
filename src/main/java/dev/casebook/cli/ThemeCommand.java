package dev.casebook.cli;

import dev.casebook.diag.Terminal;
import dev.casebook.publish.SafeFiles;
import dev.casebook.render.Theme;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code casebook theme}: the files of the packaged theme, which a site's {@code templates/} folder
 * overrides file by file, and a way to start from one of them without copying all of them.
 */
@Command(name = "theme", mixinStandardHelpOptions = true,
        description = {"Lists the files of the packaged theme (templates, UI strings, assets) and marks those the site "
                + "overrides in templates/. With --eject, copies the named files into templates/ to edit them; "
                + "every other file keeps coming from Casebook."})
final class ThemeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--site", paramLabel = "DIR", description = "Knowledge base folder, holding content/ (default: current folder).")
    Path site = Path.of(".");

    @Option(names = "--eject", description = "Copy the named files of the packaged theme into the site's templates/ folder.")
    boolean eject;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Theme files to eject, as listed, e.g. article.peb assets/style.css.")
    List<String> names = List.of();

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        PrintWriter out = cli.getOut();
        Path templates = site.resolve("templates");
        List<String> files = Theme.packagedFiles();
        if (!eject) {
            if (!names.isEmpty()) {
                throw new CommandLine.ParameterException(cli, "name files only with --eject, e.g. casebook theme --eject article.peb");
            }
            for (String name : files) {
                boolean overridden = Files.exists(templates.resolve(name), LinkOption.NOFOLLOW_LINKS);
                out.println((overridden ? "site  " : "      ") + name);
            }
            out.println();
            out.println(files.size() + " files; \"site\" marks those templates/ overrides. "
                    + "`casebook theme --eject FILE…` copies one to edit.");
            return Main.OK;
        }
        if (names.isEmpty()) {
            throw new CommandLine.ParameterException(cli, "name the files to eject, e.g. casebook theme --eject article.peb");
        }
        for (String name : names) {
            if (!files.contains(name)) {
                throw new CommandLine.ParameterException(cli, "the packaged theme has no `" + name + "`; `casebook theme` lists its files");
            }
        }
        SiteOptions.requireSite(cli, site);
        for (String name : names) {
            Optional<byte[]> bytes = Theme.packaged(name);
            Path target = templates.resolve(name);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                cli.getErr().println("casebook theme: templates/" + name + " exists; left as it is");
                continue;
            }
            try {
                SafeFiles.create(site, target, bytes.orElseThrow());
            } catch (SafeFiles.UnsafePathException e) {
                cli.getErr().println("casebook theme: " + Terminal.safe(e.getMessage()) + "; nothing more written");
                return Main.CONTENT_ERRORS;
            }
            out.println("wrote templates/" + name);
        }
        return Main.OK;
    }
}
