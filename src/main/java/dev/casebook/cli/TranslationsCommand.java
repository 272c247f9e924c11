package dev.casebook.cli;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.content.Article;
import dev.casebook.content.Lang;
import dev.casebook.content.Provenance;
import dev.casebook.content.SiteContent;
import dev.casebook.content.Translation;
import dev.casebook.content.TranslationReport;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Json;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.Terminal;
import dev.casebook.publish.SafeFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "translations", mixinStandardHelpOptions = true,
        description = {"Shows where every translation stands: original, current, outdated (its source changed since "
                + "it was translated) or missing.",
                "With --stamp FILE, records in FILE's front matter that it is now a translation of the current "
                        + "text of its source language (translated_from: zh@<revision>); run it after updating a translation."})
final class TranslationsCommand implements Callable<Integer> {

    private static final Pattern INDEX = Pattern.compile("index\\.([a-z0-9-]+)\\.md");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--site", paramLabel = "DIR", description = "Knowledge base folder, holding content/ (default: current folder).")
    Path site = Path.of(".");

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    String format;

    @Option(names = "--strict", description = "Exit with 1 when a translation is outdated or missing.")
    boolean strict;

    @Option(names = "--stamp", paramLabel = "FILE", description = "An index.<lang>.md to mark as translated from the current source.")
    Path stamp;

    @Option(names = "--from", paramLabel = "LANG", description = "With --stamp: the source language (default: the one "
            + "the file names already, else the article's only original).")
    String from;

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        SiteOptions.requireSite(cli, site);
        BuildOptions options = BuildOptions.of(site, site.resolve("target").resolve("site"));
        if (stamp != null) {
            return stamp(cli, new SiteBuild().source(options).value());
        }
        if (!format.equals("text") && !format.equals("json")) {
            throw new CommandLine.ParameterException(cli, "--format must be text or json, not " + format);
        }
        Outcome<TranslationReport> outcome = new SiteBuild().translations(options);
        TranslationReport report = outcome.value();
        PrintWriter out = cli.getOut();
        out.print(format.equals("json") ? json(report) : table(report));
        out.flush();
        for (Diagnostic d : outcome.diagnostics()) {
            if (d.isError()) {
                cli.getErr().println(d.format());
            }
        }
        cli.getErr().println("casebook translations: " + report.counts().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().entrySet().stream()
                        .map(c -> c.getValue() + " " + c.getKey().label()).reduce((a, b) -> a + ", " + b).orElse(""))
                .reduce((a, b) -> a + "; " + b).orElse("no articles"));
        boolean behind = report.rows().stream().anyMatch(r -> r.states().containsValue(TranslationReport.State.OUTDATED)
                || r.states().containsValue(TranslationReport.State.MISSING));
        return outcome.diagnostics().stream().anyMatch(Diagnostic::isError) || strict && behind ? Main.CONTENT_ERRORS : Main.OK;
    }

    static String table(TranslationReport report) {
        int width = Math.max(7, report.rows().stream().mapToInt(r -> r.article().length()).max().orElse(0));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "article"));
        report.languages().forEach(l -> out.append("  ").append(String.format(Locale.ROOT, "%-9s", l.code())));
        out.setLength(out.toString().stripTrailing().length());
        out.append('\n');
        for (TranslationReport.Row row : report.rows()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", row.article()));
            for (Lang l : report.languages()) {
                line.append("  ").append(String.format(Locale.ROOT, "%-9s", row.states().get(l).label()));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    static String json(TranslationReport report) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < report.rows().size(); i++) {
            TranslationReport.Row row = report.rows().get(i);
            out.append(i == 0 ? "\n" : ",\n").append("  {\"article\": ").append(Json.string(row.article()));
            for (Lang l : report.languages()) {
                out.append(", ").append(Json.string(l.code())).append(": ").append(Json.string(row.states().get(l).label()));
            }
            out.append('}');
        }
        return out.append(report.rows().isEmpty() ? "]\n" : "\n]\n").toString();
    }

    private int stamp(CommandLine cli, SiteContent source) throws IOException {
        Path file = stamp.isAbsolute() || Files.exists(stamp) ? stamp : site.resolve(stamp);
        Path content = site.resolve("content").toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        Matcher index = INDEX.matcher(abs.getFileName() == null ? "" : abs.getFileName().toString());
        if (!abs.startsWith(content) || content.relativize(abs).getNameCount() != 3 || !index.matches()) {
            throw new CommandLine.ParameterException(cli, "--stamp " + stamp + ": not an article file content/<section>/<slug>/index.<lang>.md");
        }
        String id = content.relativize(abs.getParent()).toString().replace('\\', '/');
        Lang lang = new Lang(index.group(1));
        Optional<Article> article = source.articles().stream().filter(a -> a.id().equals(id)).findFirst();
        Optional<Translation> translation = article.flatMap(a -> a.translation(lang));
        if (translation.isEmpty()) {
            cli.getErr().println("casebook translations: " + stamp + ": no such article file (or its front matter is broken; see casebook check)");
            return Main.CONTENT_ERRORS;
        }
        Lang sourceLang = sourceLanguage(cli, article.get(), translation.get());
        Translation origin = article.get().translation(sourceLang).orElseThrow(() -> new CommandLine.ParameterException(cli,
                "--from " + sourceLang + ": content/" + id + " has no index." + sourceLang + ".md"));
        String value = sourceLang.code() + "@" + Provenance.revision(origin.body());
        try {
            // the loader never reads through a link, but the file may have become one since
            String text = new String(SafeFiles.read(site, abs), StandardCharsets.UTF_8);
            SafeFiles.replace(site, abs, withTranslatedFrom(text, value).getBytes(StandardCharsets.UTF_8));
        } catch (SafeFiles.UnsafePathException | IllegalArgumentException e) {
            cli.getErr().println("casebook translations: nothing written: " + Terminal.safe(e.getMessage()));
            return Main.CONTENT_ERRORS;
        }
        cli.getOut().println("content/" + id + "/" + abs.getFileName() + ": translated_from: " + value);
        return Main.OK;
    }

    private Lang sourceLanguage(CommandLine cli, Article article, Translation t) {
        if (from != null) {
            if (!Lang.isValid(from) || from.equals(t.lang().code())) {
                throw new CommandLine.ParameterException(cli, "--from must be another language of the article, not " + from);
            }
            return new Lang(from);
        }
        if (t.translatedFrom().isPresent()) {
            return t.translatedFrom().get().lang();
        }
        List<Lang> originals = article.translations().stream()
                .filter(o -> !o.lang().equals(t.lang()) && o.translatedFrom().isEmpty()).map(Translation::lang).toList();
        if (originals.size() != 1) {
            throw new CommandLine.ParameterException(cli, "say which language " + t.path() + " was translated from with --from LANG");
        }
        return originals.get(0);
    }

    /** The file with its front matter's {@code translated_from} line set to {@code value}; all else unchanged. */
    /**
     * {@code text} with {@code translated_from: value} in its front matter: the key replaced where
     * it is written (quoted or not, and with the lines of a folded or block value), else added
     * before the closing {@code ---}. A byte-order mark and the file's line endings are kept.
     */
    static String withTranslatedFrom(String text, String value) {
        String bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
        String body = text.substring(bom.length());
        String newline = body.contains("\r\n") ? "\r\n" : "\n";
        String[] lines = body.split("\r?\n", -1);
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].equals("---") || lines[i].equals("...")) {
                end = i;
                break;
            }
        }
        if (!lines[0].strip().equals("---") || end < 0) {
            throw new IllegalArgumentException("the file has no front matter");
        }
        List<String> out = new ArrayList<>();
        boolean done = false;
        for (int i = 0; i < lines.length; i++) {
            if (i > 0 && i < end && !done && TRANSLATED_FROM_KEY.matcher(lines[i]).lookingAt()) {
                out.add("translated_from: " + value);
                done = true;
                // the rest of a block or folded value is indented below the key: it goes with it
                while (i + 1 < end && !lines[i + 1].isEmpty() && Character.isWhitespace(lines[i + 1].charAt(0))) {
                    i++;
                }
                continue;
            }
            if (i == end && !done) {
                out.add("translated_from: " + value);
            }
            out.add(lines[i]);
        }
        return bom + String.join(newline, out);
    }

    /** The key at the start of a front-matter line, plain or quoted. */
    private static final Pattern TRANSLATED_FROM_KEY = Pattern.compile("(translated_from|\"translated_from\"|'translated_from')\\s*:");
}
