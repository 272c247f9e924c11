package dev.casebook.validate;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Severity;
import dev.casebook.diag.SourcePos;
import dev.casebook.yaml.YamlStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a reader's own files ({@code casebook validate}) with the same rules as article snippets.
 * All files form one group, so {@code config.yaml}, {@code .env} and the compose file are read
 * together. A file's format comes from its name, else from its content (KEY=VALUE lines are a
 * {@code .env}), else it is read as YAML.
 */
public final class FileValidator {

    /** A file's display path and text. */
    public record NamedText(String path, String text) {
    }

    private final Validator validator;
    private final Schemas schemas;
    private final String schemaForAll;

    /**
     * @param schemas      the schemas there are ({@link Schemas#NONE} in the browser)
     * @param schemaForAll a schema every YAML and JSON file is checked with ({@code --schema}), or empty: then
     *                     each file gets the one its name or kind picks
     */
    public FileValidator(Validator validator, Schemas schemas, String schemaForAll) {
        this.validator = validator;
        this.schemas = schemas;
        this.schemaForAll = schemaForAll;
    }

    /** Every finding and reading problem, messages in {@code lang}, in position order. */
    public List<Diagnostic> check(List<NamedText> files, Environment environment, String lang) {
        ConfigReader reader = new ConfigReader();
        List<ConfigReader.Source> sources = new ArrayList<>();
        for (NamedText f : files) {
            String language = ConfigReader.format("", f.path(), f.text()).isPresent() ? ""
                    : ConfigReader.format("", "", f.text()).map(k -> "dotenv").orElse("yaml");
            sources.add(new ConfigReader.Source(f.path(), language, f.text(), new SourcePos(f.path(), 1, 1), false));
        }
        var group = reader.group("files", sources, environment);
        List<Diagnostic> out = new ArrayList<>(group.diagnostics());
        // a file no rule reads is said so, rather than passing in silence
        for (ConfigFile file : group.value().files()) {
            Optional<String> schema = file.kind().isYaml() ? schemas.pick(schemaForAll, file.name(), file.kind()) : Optional.empty();
            if (schema.isPresent() && !file.text().isBlank()) {
                out.addAll(schemas.check(file, schema.get()));
            }
            if (file.text().isBlank()) {
                out.add(Diagnostic.warning("file-empty", file.origin(), "the file is empty, so there is nothing to check",
                        "give the config file itself"));
            } else if ((file.kind() == Kind.YAML || file.kind() == Kind.JSON) && schema.isEmpty()
                    && !file.yaml().map(YamlStream::hasErrors).orElse(false)) {
                // a file that does not parse is reported by its syntax error alone: its kind cannot be told
                out.add(Diagnostic.warning("file-kind", file.origin(),
                        "not a WrenAI config.yaml, LiteLLM proxy config, docker compose file or .env, and no schema was given, "
                                + "so nothing checks it",
                        "check it against a JSON Schema with --schema FILE; WrenAI configs have `type: llm|embedder|…` documents "
                                + "or `settings`, LiteLLM configs `model_list`, compose files `services`"));
            }
        }
        // a WrenAI config alone cannot say whether its keys have values: say which rules waited
        if (group.value().processEnv().isEmpty()) {
            // only models whose keys a rule reads from the environment: the OpenAI route and keyed providers
            // without a key written in the file, and any model that names its key variable
            List<Model> keyed = Model.of(group.value()).stream().filter(m -> m.scalar("api_key_name").isPresent()
                    || (m.provider().equals("openai") || Providers.KEYED.contains(m.provider()))
                    && m.scalar("api_key").map(k -> k.text().strip().startsWith("os.environ/")).orElse(true)).toList();
            if (!keyed.isEmpty()) {
                out.add(new Diagnostic(Severity.NOTE, "keys-unchecked", keyed.get(0).file().origin(),
                        "no .env given, so the API keys of " + keyed.size() + " model" + (keyed.size() == 1 ? "" : "s")
                                + " were not checked (LLM001, LLM009, ENV001)",
                        "give the .env and the compose file with the config: casebook validate " + keyed.get(0).file().name()
                                + " .env docker-compose.yaml"));
            }
        }
        for (Finding finding : validator.check(group.value())) {
            out.add(validator.diagnostic(finding, lang));
        }
        out.sort(null);
        return out;
    }
}
