package dev.casebook.cli;

import dev.casebook.content.SiteSchemas;
import dev.casebook.content.SnippetVerdict;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.Report;
import dev.casebook.diag.ReportFormat;
import dev.casebook.diag.RuleInfo;
import dev.casebook.diag.Severity;
import dev.casebook.diag.Terminal;
import dev.casebook.load.SiteSchemasReader;
import dev.casebook.validate.Catalog;
import dev.casebook.validate.Environment;
import dev.casebook.validate.FileValidator;
import dev.casebook.validate.Rule;
import dev.casebook.validate.Validator;
import dev.casebook.validate.Version;
import dev.casebook.validate.schema.JsonSchemas;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks your own config files (WrenAI config.yaml, LiteLLM proxy config, .env, docker compose) "
                + "with the rules the knowledge base uses. All files given at once are checked together.",
                "Exit codes: 0 no error (warnings allowed), 1 findings at error level, 2 unreadable input."})
final class ValidateCommand implements Callable<Integer> {

    private static final long MAX_BYTES = 16L * 1024 * 1024;
    /** The name the schema of {@code --schema} goes by in messages. */
    private static final String GIVEN_SCHEMA = "given";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to check, e.g. config.yaml .env docker-compose.yaml")
    List<Path> files;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: text (default), github, json or sarif. The report goes to standard output, "
                    + "the summary to standard error.")
    String format;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "Language of messages: en (default) or zh.")
    String lang;

    @Option(names = "--wren-version", paramLabel = "VERSION", description = "wren-ai-service version, e.g. 0.29.0 (enables version-gated rules).")
    String wrenVersion;

    @Option(names = "--litellm-version", paramLabel = "VERSION",
            description = "LiteLLM version that reads the configs, e.g. 1.72.6 (a bare proxy; with --wren-version the one that release installs is used).")
    String litellmVersion;

    @Option(names = "--schema", paramLabel = "FILE",
            description = "A JSON Schema file (draft 4 to 2020-12) to check every YAML and JSON file given with, e.g. a "
                    + "Kubernetes or GitHub workflow schema from SchemaStore. Compose files are checked with the Compose "
                    + "Specification's schema without it.")
    Path schema;

    @Option(names = "--site", paramLabel = "DIR", defaultValue = ".",
            description = "The knowledge base whose schemas apply (content/_schemas/, and the schemas: patterns of "
                    + "content/_site.yaml, matched against each file's path from DIR). Default: the current folder.")
    Path site;

    @Option(names = "--deployment", paramLabel = "KIND", description = "docker, k8s or local.")
    String deployment;

    @Option(names = "--host-os", paramLabel = "OS", description = "linux, mac or windows.")
    String hostOs;

    /** A file name as the terminal and CI logs get it: control characters escaped, so a name cannot start a line of its own. */
    private static String shown(Path file) {
        return Terminal.safe(file.toString());
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Rule.LANGUAGES.contains(lang)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lang must be en or zh, not " + lang);
        }
        Environment environment = environment();
        List<FileValidator.NamedText> texts = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path file : files) {
            Path same = file.toAbsolutePath().normalize();
            if (!seen.add(same)) {
                err.println("casebook validate: " + shown(file) + " is given twice; it is checked once");
                continue;
            }
            Optional<String> text = read(file, err);
            if (text.isEmpty()) {
                return Main.USAGE;
            }
            // a backslash is a separator only where the system says so: on Linux it is part of the name
            texts.add(new FileValidator.NamedText(file.toString().replace(File.separatorChar, '/'), text.get()));
        }
        Catalog catalog = Catalog.builtIn();
        // the site's schemas (none outside a knowledge base), and the one --schema gives for every file
        Outcome<SiteSchemas> ofSite = SiteSchemasReader.read(site);
        // the rest of the site's configuration is the build's business; a schema that cannot be read is this command's
        List<Diagnostic> unreadable = ofSite.diagnostics().stream().filter(d -> d.isError() && d.id().equals("config-schema")).toList();
        if (!unreadable.isEmpty()) {
            unreadable.forEach(d -> d.toString().lines().forEach(line -> err.println(Terminal.safe(line))));
            return Main.USAGE;
        }
        List<SiteSchemas.File> given = new ArrayList<>(ofSite.value().files());
        if (schema != null) {
            Optional<String> text = read(schema, err);
            if (text.isEmpty()) {
                return Main.USAGE;
            }
            given.add(new SiteSchemas.File(GIVEN_SCHEMA, schema.toString().replace(File.separatorChar, '/'), text.get()));
        }
        Outcome<JsonSchemas> schemas = JsonSchemas.of(new SiteSchemas(given, ofSite.value().byFileName()));
        if (!schemas.diagnostics().isEmpty()) {
            schemas.diagnostics().forEach(d -> d.toString().lines().forEach(line -> err.println(Terminal.safe(line))));
            return Main.USAGE;
        }
        List<Diagnostic> diagnostics = new FileValidator(new Validator(catalog), schemas.value(), schema == null ? "" : GIVEN_SCHEMA)
                .check(texts, environment, lang);
        Report report = new Report(diagnostics);
        ReportFormat reportFormat;
        try {
            reportFormat = ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        out.print(reportFormat.render(report, Main.version(), ruleInfos(catalog)));
        err.println("casebook validate: " + texts.size() + " file" + (texts.size() == 1 ? "" : "s") + ", "
                + report.errors() + " error" + (report.errors() == 1 ? "" : "s") + ", "
                + report.warnings() + " warning" + (report.warnings() == 1 ? "" : "s")
                + (report.notes() == 0 ? "" : ", " + report.notes() + " note" + (report.notes() == 1 ? "" : "s")));
        out.flush();
        return report.errors() > 0 ? Main.CONTENT_ERRORS : Main.OK;
    }

    private List<RuleInfo> ruleInfos(Catalog catalog) {
        List<RuleInfo> infos = new ArrayList<>(catalog.rules().stream().map(r -> new RuleInfo(r.id(), r.title(lang), r.why(lang),
                r.severity(), "")).toList());
        infos.add(new RuleInfo(SnippetVerdict.SCHEMA, lang.equals("zh") ? "配置不符合其 JSON Schema" : "A config breaks its JSON Schema",
                lang.equals("zh") ? "compose 文件用内置的 Compose 规范 schema 校验，其他文件用 --schema 给出的 schema。"
                        : "Compose files are checked against the Compose Specification's schema, other files against the one --schema gives.",
                Severity.ERROR, ""));
        return infos;
    }

    private Environment environment() {
        Optional<Version> version = version("--wren-version", wrenVersion, "0.29.0");
        Optional<Version> litellm = version("--litellm-version", litellmVersion, "1.72.6");
        if (deployment != null && !Environment.DEPLOYMENTS.contains(deployment)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--deployment must be docker, k8s or local, not " + deployment);
        }
        if (hostOs != null && !Environment.HOST_OSES.contains(hostOs)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--host-os must be linux, mac or windows, not " + hostOs);
        }
        return new Environment(version, Optional.ofNullable(deployment), Optional.ofNullable(hostOs), litellm);
    }

    private Optional<Version> version(String option, String value, String example) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(Version.parse(value).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                option + " must look like " + example + ", not " + value)));
    }

    private static Optional<String> read(Path file, PrintWriter err) {
        try {
            if (Files.isDirectory(file)) {
                err.println("casebook validate: " + shown(file) + ": is a folder; name the config files in it");
                return Optional.empty();
            }
            if (!Files.exists(file)) {
                err.println("casebook validate: " + shown(file) + ": no such file");
                return Optional.empty();
            }
            if (!Files.isRegularFile(file)) {
                // a FIFO, a device such as /dev/zero: reading it could block or never end
                err.println("casebook validate: " + shown(file) + ": not a regular file");
                return Optional.empty();
            }
            if (Files.size(file) > MAX_BYTES) {
                err.println("casebook validate: " + shown(file) + ": larger than " + MAX_BYTES / (1024 * 1024) + " MB, not a config file");
                return Optional.empty();
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            return Optional.of(text.replace("\r\n", "\n").replaceFirst("^\uFEFF", ""));
        } catch (CharacterCodingException e) {
            err.println("casebook validate: " + shown(file) + ": not UTF-8 text");
        } catch (IOException e) {
            err.println("casebook validate: " + shown(file) + ": " + e.getMessage());
        }
        return Optional.empty();
    }
}
