package dev.casebook.validate.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.UriSchemaLoader;
import dev.casebook.content.SiteSchemas;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.SourcePos;
import dev.casebook.diag.Suggestions;
import dev.casebook.validate.ConfigFile;
import dev.casebook.validate.Kind;
import dev.casebook.validate.Schemas;
import dev.casebook.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of a site: the built-in Compose Specification schema and the site's own files.
 * Schemas are compiled once, the built-in one when a compose file first needs it (a site without one never
 * loads it), the site's own when the build starts, so that a broken one is reported; none is fetched: a
 * {@code $ref} to the network is an error of the schema file.
 */
public final class JsonSchemas implements Schemas {

    /** The name of the built-in schema for compose files. */
    public static final String COMPOSE = "compose";
    private static final String COMPOSE_RESOURCE = "schemas/compose-spec.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A base for schema ids; {@code .invalid} is a name that never resolves (RFC 2606). */
    private static final String BASE = "https://casebook.invalid/";
    /** How the schema library says that a {@code $ref} could not be loaded. */
    private static final String UNLOADED = "Failed to load json schema from ";

    /** A schema ready to check with, or why it is not. */
    private record Compiled(Optional<JsonSchema> schema, JsonNode root, List<Diagnostic> problems) {
    }

    /** A schema's text and the path diagnostics about it name. */
    private record Source(String path, String text) {
    }

    private final SiteSchemas site;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    private JsonSchemas(SiteSchemas site) {
        this.site = site;
        sources.put(COMPOSE, null); // read from the jar when first used
        site.files().forEach(f -> sources.put(f.name(), new Source(f.path(), f.text())));
    }

    /** The built-in schemas and the site's; problems of the site's schema files and of its {@code schemas:} patterns. */
    public static Outcome<JsonSchemas> of(SiteSchemas site) {
        JsonSchemas schemas = new JsonSchemas(site);
        List<Diagnostic> problems = new ArrayList<>();
        for (SiteSchemas.File f : site.files()) {
            problems.addAll(schemas.compiled(f.name()).problems());
        }
        for (SiteSchemas.ByFileName p : site.byFileName()) {
            if (!schemas.sources.containsKey(p.schema())) {
                problems.add(Diagnostic.error("schema-unknown", p.pos(), "`schemas:` picks schema `" + p.schema()
                        + "` for " + p.glob() + ", but the site has no such schema", unknownHint(p.schema(), schemas.names())));
            }
        }
        return Outcome.of(schemas, problems);
    }

    static String unknownHint(String name, Set<String> names) {
        Optional<String> near = Suggestions.closest(name, names);
        return near.map(n -> "did you mean `" + n + "`?").orElse("schemas are " + String.join(", ", names)
                + "; add yours as content/_schemas/" + name + ".schema.json");
    }

    @Override
    public Set<String> names() {
        return new TreeSet<>(sources.keySet());
    }

    @Override
    public Optional<String> pick(String named, String fileName, Kind kind) {
        if (!named.isEmpty()) {
            return Optional.of(named);
        }
        Optional<String> byName = site.forFileName(fileName);
        if (byName.isPresent()) {
            return byName;
        }
        return kind == Kind.COMPOSE ? Optional.of(COMPOSE) : Optional.empty();
    }

    @Override
    public List<Diagnostic> check(ConfigFile file, String name) {
        Compiled schema = compiled(name);
        if (schema.schema().isEmpty()) {
            return List.of(); // the schema file's own problems are reported once, by of()
        }
        List<Diagnostic> out = new ArrayList<>();
        for (Optional<YamlNode> doc : file.documents()) {
            if (doc.isEmpty()) {
                continue;
            }
            Set<ValidationMessage> messages;
            try {
                messages = schema.schema().get().validate(YamlJson.of(doc.get()));
            } catch (BoundedPatterns.TooSlow e) {
                out.add(Diagnostic.error("schema-file", doc.get().pos(), "the " + name + " schema's pattern `" + e.pattern
                        + "` takes too long on a value of this document, so the document is not checked against it",
                        "rewrite the pattern without nested repetition such as (a+)+"));
                continue;
            } catch (StackOverflowError e) {
                // the library follows $ref without end when they loop back on themselves without reading the value
                out.add(Diagnostic.error("schema-file", doc.get().pos(), "the " + name + " schema's $ref lead back to"
                        + " themselves without reading the document, so the document is not checked against it",
                        "make every $ref loop pass through properties or items"));
                continue;
            }
            out.addAll(SchemaMessages.explain(messages, doc.get(), schema.root(), name, file.fragment()));
        }
        out.sort(null);
        return out;
    }

    private Compiled compiled(String name) {
        return compiled.computeIfAbsent(name, n -> {
            if (!sources.containsKey(n)) {
                return new Compiled(Optional.empty(), MAPPER.nullNode(), List.of());
            }
            Source source = sources.get(n);
            return source == null ? BuiltIn.COMPOSE : compile(source.path(), source.text());
        });
    }

    /** The built-in schemas, compiled once per process (a preview rebuilds often; the jar's files never change). */
    private static final class BuiltIn {
        static final Compiled COMPOSE = compile(COMPOSE_RESOURCE, builtIn(COMPOSE_RESOURCE));
    }

    private static String builtIn(String resource) {
        try (InputStream in = JsonSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Compiled compile(String path, String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            SourcePos pos = at == null ? SourcePos.file(path) : new SourcePos(path, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
            return broken(root(), "the schema is not valid JSON: " + e.getOriginalMessage(), pos);
        }
        if (!(root instanceof ObjectNode object)) {
            return broken(root, "a schema is a JSON object", SourcePos.file(path));
        }
        Optional<SpecVersion.VersionFlag> version = Versions.of(object);
        if (version.isEmpty()) {
            return broken(root, "`$schema` names a JSON Schema draft Casebook does not know: " + object.path("$schema").asText(),
                    SourcePos.file(path));
        }
        ObjectNode canonical = object.deepCopy();
        canonical.put("$schema", Versions.id(version.get()));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().locale(Locale.ENGLISH).pathType(PathType.JSON_POINTER)
                .regularExpressionFactory(new BoundedPatterns()).build();
        try {
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(version.get(),
                    b -> b.schemaLoaders(loaders -> loaders.values(list -> list.removeIf(UriSchemaLoader.class::isInstance))));
            // a relative $id (the Compose schema's compose_spec.json) resolves against this base, which is never fetched
            JsonSchema schema = factory.getSchema(SchemaLocation.of(BASE + path), canonical, config);
            schema.initializeValidators(); // resolves every $ref now, so a missing one is the schema's problem
            return new Compiled(Optional.of(schema), root, List.of());
        } catch (StackOverflowError e) {
            return broken(root, "the schema cannot be used: its $ref lead back to themselves without end", SourcePos.file(path));
        } catch (JsonSchemaException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // the first line: a regular expression's error goes on to draw the pattern with a caret
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("").replaceFirst("^java\\.util\\.regex\\.PatternSyntaxException: ", "");
            // the loaders that fetch are removed, so a $ref outside the file is what fails to load
            why = why.startsWith(UNLOADED) ? "a $ref leaves the file: " + why.substring(UNLOADED.length()) : why;
            return broken(root, "the schema cannot be used: " + why, SourcePos.file(path));
        }
    }

    private static JsonNode root() {
        return MAPPER.nullNode();
    }

    private static Compiled broken(JsonNode root, String message, SourcePos pos) {
        return new Compiled(Optional.empty(), root, List.of(Diagnostic.error("schema-file", pos, message,
                "schemas are JSON Schema (draft 4 to 2020-12) files whose $ref stay inside the file; none is fetched from the network")));
    }
}
