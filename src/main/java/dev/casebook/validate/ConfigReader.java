package dev.casebook.validate;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.SourcePos;
import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlReader;
import dev.casebook.yaml.YamlScalar;
import dev.casebook.yaml.YamlSequence;
import dev.casebook.yaml.YamlStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a config text into a {@link ConfigFile}: its kind from the file name, the fence language or
 * the content, and its parsed form. YAML problems that are not a rule's business are diagnostics:
 * {@code yaml-syntax} (error) and {@code yaml-duplicate-key} (warning; the last value wins).
 */
public final class ConfigReader {

    private static final Pattern DOTENV_NAME = Pattern.compile("(^|.*/)(\\.env(\\..+)?|.+\\.env)$");
    private static final Pattern DOTENV_LINE = Pattern.compile("^\\s*(export\\s+)?[A-Za-z_][A-Za-z0-9_.-]*\\s*=.*$");
    private static final Pattern COMPOSE_NAME = Pattern.compile("(^|.*/)(docker-)?compose(\\.[\\w.-]+)?\\.ya?ml$");
    private static final Pattern WREN_LINE = Pattern.compile("(?m)^(type:\\s*(llm|embedder|document_store|engine|pipeline)\\s*$|settings:)");

    private final YamlReader yaml = new YamlReader();

    /**
     * The kind of a text, or empty when it is not a config Casebook checks (a shell command, a log).
     *
     * @param language the fence language, empty if none
     * @param fileName the {@code file=} attribute or the file's name, empty if none
     */
    public static Optional<Kind> format(String language, String fileName, String text) {
        String lang = language.toLowerCase(Locale.ROOT);
        String name = fileName.toLowerCase(Locale.ROOT);
        if (lang.equals("dotenv") || lang.equals("env") || DOTENV_NAME.matcher(name).matches()) {
            return Optional.of(Kind.DOTENV);
        }
        if (lang.equals("json") || name.endsWith(".json")) {
            return Optional.of(Kind.JSON);
        }
        if (lang.equals("yaml") || lang.equals("yml") || name.endsWith(".yaml") || name.endsWith(".yml")) {
            return Optional.of(Kind.YAML);
        }
        if (lang.isEmpty() && name.isEmpty() && !text.isBlank()
                // split, not String.lines(): the validator also runs in the browser (TeaVM's class library)
                && Arrays.stream(text.split("\r?\n|\r")).filter(l -> !l.isBlank() && !l.stripLeading().startsWith("#"))
                        .allMatch(l -> DOTENV_LINE.matcher(l).matches())) {
            return Optional.of(Kind.DOTENV);
        }
        return Optional.empty();
    }

    /**
     * Reads {@code text} of the given format ({@link Kind#DOTENV}, {@link Kind#JSON} or {@link Kind#YAML};
     * a YAML text becomes compose, litellm-proxy, wren-config or plain YAML by its content).
     *
     * @param origin where the text's first character is in its source file
     */
    public Outcome<ConfigFile> read(String name, Kind format, String text, SourcePos origin, boolean fragment) {
        if (format == Kind.DOTENV) {
            return Outcome.of(new ConfigFile(name, Kind.DOTENV, text, origin, Optional.empty(),
                    Optional.of(DotEnv.parse(text, origin)), fragment));
        }
        YamlStream stream = yaml.read(text, origin.path(), origin.line() - 1, origin.column() - 1);
        Kind kind = format == Kind.JSON ? Kind.JSON : yamlKind(stream, text);
        if (kind == Kind.YAML && COMPOSE_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
            kind = Kind.COMPOSE; // a compose file of networks or volumes only, named as Docker Compose looks for it
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Diagnostic d : stream.diagnostics()) {
            // a broken WrenAI config is WREN005's finding: wren-ai-service swallows the error
            if (!(kind == Kind.WREN_CONFIG && d.id().equals("yaml-syntax"))) {
                diagnostics.add(d);
            }
        }
        for (Optional<YamlNode> doc : stream.documents()) {
            doc.ifPresent(d -> {
                List<Diagnostic> found = new ArrayList<>();
                duplicates(d, found);
                diagnostics.addAll(found.subList(0, Math.min(found.size(), MAX_DUPLICATES)));
                if (found.size() > MAX_DUPLICATES) {
                    // a file of thousands of repeated keys is said once, not a line each
                    Diagnostic first = found.get(MAX_DUPLICATES);
                    diagnostics.add(Diagnostic.warning("yaml-duplicate-key", first.pos(),
                            (found.size() - MAX_DUPLICATES) + " more duplicate keys from here on",
                            "each earlier value is ignored; remove the repeated lines"));
                }
            });
        }
        return Outcome.of(new ConfigFile(name, kind, text, origin, Optional.of(stream), Optional.empty(), fragment), diagnostics);
    }

    /** A text to read as one file of a group. {@code origin} is where its first character is. */
    public record Source(String name, String language, String text, SourcePos origin, boolean fragment) {
    }

    /**
     * Reads every source that is a config into one group. Sources that are not configs (a shell
     * command) are left out; so are files whose format cannot be told.
     */
    public Outcome<Group> group(String name, List<Source> sources, Environment environment) {
        List<ConfigFile> files = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Source source : sources) {
            Optional<Kind> format = format(source.language(), source.name(), source.text());
            if (format.isEmpty()) {
                continue;
            }
            Outcome<ConfigFile> file = read(source.name(), format.get(), source.text(), source.origin(), source.fragment());
            files.add(file.value());
            diagnostics.addAll(file.diagnostics());
        }
        return Outcome.of(new Group(name, files, environment), diagnostics);
    }

    /** A rule example as a group, positioned in a pseudo file {@code rules/<ID>/<example>/<file>}. */
    public Outcome<Group> group(Rule rule, Rule.Example example) {
        List<Source> sources = new ArrayList<>();
        for (Rule.ExampleFile f : example.files()) {
            sources.add(new Source(f.name(), "", f.text(),
                    new SourcePos("rules/" + rule.id() + "/" + f.name(), 1, 1), false));
        }
        return group(example.name(), sources, Environment.of(example.environment()));
    }

    private static Kind yamlKind(YamlStream stream, String text) {
        List<YamlMapping> docs = stream.documents().stream().flatMap(Optional::stream)
                .filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast).toList();
        if (docs.stream().anyMatch(d -> d.has("services"))) {
            return Kind.COMPOSE;
        }
        if (docs.stream().anyMatch(d -> d.has("model_list"))) {
            return Kind.LITELLM_PROXY;
        }
        if (docs.stream().anyMatch(d -> d.has("settings") || WrenConfig.type(d).map(WrenConfig.TYPES::contains).orElse(false))) {
            return Kind.WREN_CONFIG;
        }
        // a config whose syntax is broken still says what it is
        if (stream.hasErrors() && WREN_LINE.matcher(text).find()) {
            return Kind.WREN_CONFIG;
        }
        return Kind.YAML;
    }

    /** Duplicate keys reported one by one in a file; the rest are counted in one line. */
    static final int MAX_DUPLICATES = 20;

    private static void duplicates(YamlNode node, List<Diagnostic> out) {
        if (node instanceof YamlMapping m) {
            for (YamlMapping.Entry dup : m.duplicates()) {
                out.add(Diagnostic.warning("yaml-duplicate-key", dup.key().pos(),
                        "duplicate key `" + dup.name() + "`; the last value wins, as in PyYAML",
                        "remove the earlier line"));
            }
            m.entries().forEach(e -> duplicates(e.value(), out));
        } else if (node instanceof YamlSequence s) {
            s.items().forEach(i -> duplicates(i, out));
        } else if (node instanceof YamlScalar) {
            return;
        }
    }
}
