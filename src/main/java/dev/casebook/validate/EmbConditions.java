package dev.casebook.validate;

import dev.casebook.diag.Severity;
import dev.casebook.diag.SourcePos;
import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlScalar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** EMB001–EMB003: embedders and the vector store they fill. */
final class EmbConditions {

    /** Vector sizes LiteLLM's model map does not give, each with its source ({@code rules/embedding-sizes.tsv}). */
    private static final Map<String, Integer> DIMENSIONS = loadSizes();

    private EmbConditions() {
    }

    static void register(Map<String, Condition> checks) {
        checks.put("EMB001", EmbConditions::dimension);
        checks.put("EMB002", EmbConditions::noEmbeddings);
        checks.put("EMB003", EmbConditions::ollamaEmbedder);
    }

    /** The size of the vectors {@code model} produces, if known. */
    static Optional<Integer> dimensionOf(YamlMapping model) {
        Optional<Integer> legacy = WrenConfig.text(model, "dimension").flatMap(EmbConditions::integer);
        if (legacy.isPresent()) {
            return legacy;
        }
        Optional<Integer> requested = model.get("kwargs").filter(YamlMapping.class::isInstance)
                .flatMap(k -> WrenConfig.text((YamlMapping) k, "dimensions")).flatMap(EmbConditions::integer);
        if (requested.isPresent()) {
            return requested;
        }
        String full = WrenConfig.text(model, "model").orElse("");
        Optional<Integer> published = published(full);
        if (published.isPresent()) {
            return published;
        }
        String name = full.contains("/") ? full.substring(full.indexOf('/') + 1) : full;
        String last = full.substring(full.lastIndexOf('/') + 1);
        Optional<Integer> d = published(name).or(() -> lookup(name)).or(() -> lookup(last));
        return d.isPresent() || !name.contains(":") ? d : lookup(name.substring(0, name.lastIndexOf(':')));
    }

    /** The vector size LiteLLM's model map gives ({@code output_vector_size}). */
    private static Optional<Integer> published(String name) {
        return LiteLlmFacts.get().model(name).flatMap(f -> f.vectorSize().isPresent()
                ? Optional.of(f.vectorSize().getAsInt()) : Optional.empty());
    }

    private static Map<String, Integer> loadSizes() {
        try (InputStream in = EmbConditions.class.getClassLoader().getResourceAsStream("rules/embedding-sizes.tsv")) {
            Map<String, Integer> out = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split("\t");
                    out.put(cells[0], Integer.parseInt(cells[1]));
                }
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Integer> lookup(String name) {
        if (DIMENSIONS.containsKey(name)) {
            return Optional.of(DIMENSIONS.get(name));
        }
        if (name.startsWith("bge-large-")) {
            return Optional.of(1024);
        }
        if (name.startsWith("bge-base-")) {
            return Optional.of(768);
        }
        return Optional.empty();
    }

    private static Optional<Integer> integer(String s) {
        return s.strip().matches("\\d{1,7}") ? Optional.of(Integer.parseInt(s.strip())) : Optional.empty();
    }

    private static void dimension(Group group, Findings out) {
        // embedder identifier -> (model name, dimension) across the group
        Map<String, YamlMapping> embedders = new LinkedHashMap<>();
        for (ConfigFile file : group.of(Kind.WREN_CONFIG)) {
            for (YamlMapping doc : WrenConfig.ofType(file, "embedder")) {
                for (YamlMapping m : WrenConfig.models(doc)) {
                    WrenConfig.identifier(doc, m, group.environment().wrenVersion()).ifPresent(id -> embedders.put(id, m));
                }
            }
        }
        for (ConfigFile file : group.of(Kind.WREN_CONFIG)) {
            for (YamlMapping store : WrenConfig.ofType(file, "document_store")) {
                String provider = WrenConfig.text(store, "provider").orElse("");
                List<String> linked = new ArrayList<>();
                for (ConfigFile f : group.of(Kind.WREN_CONFIG)) {
                    for (YamlMapping pipeline : WrenConfig.ofType(f, "pipeline")) {
                        for (YamlMapping pipe : WrenConfig.pipes(pipeline)) {
                            Optional<String> e = WrenConfig.text(pipe, "embedder");
                            if (e.isPresent() && WrenConfig.text(pipe, "document_store").map(provider::equals).orElse(false)
                                    && !linked.contains(e.get())) {
                                linked.add(e.get());
                            }
                        }
                    }
                }
                if (linked.isEmpty()) {
                    continue;
                }
                check(store, linked, embedders, file.fragment(), out).ifPresent(out::add);
            }
        }
    }

    private static Optional<Finding> check(YamlMapping store, List<String> linked, Map<String, YamlMapping> embedders,
                                           boolean fragment, Findings out) {
        Optional<YamlMapping.Entry> dimEntry = store.entry("embedding_model_dim");
        SourcePos at = dimEntry.map(e -> e.value().pos()).orElse(store.pos());
        Map<String, Integer> produced = new LinkedHashMap<>();
        for (String id : linked) {
            Optional.ofNullable(embedders.get(id)).flatMap(EmbConditions::dimensionOf)
                    .ifPresent(d -> produced.put(WrenConfig.text(embedders.get(id), "model").orElse(id), d));
        }
        if (dimEntry.isEmpty()) {
            return fragment ? Optional.empty() : Optional.of(missing(at, produced, out));
        }
        if (!(dimEntry.get().value() instanceof YamlScalar dim) || dim.isNull()) {
            return Optional.of(missing(at, produced, out));
        }
        if (dim.quoted() && integer(dim.text()).isPresent()) {
            return Optional.of(out.at(at, Map.of("dim", dim.text())).variant("quoted").withSeverity(Severity.WARNING));
        }
        Optional<Integer> value = dim.type() == YamlScalar.Type.INT ? integer(dim.text()) : Optional.empty();
        if (value.isEmpty() || value.get() == 0) {
            return Optional.of(missing(at, produced, out));
        }
        for (Map.Entry<String, Integer> p : produced.entrySet()) {
            if (!p.getValue().equals(value.get())) {
                return Optional.of(out.at(at, Map.of("dim", String.valueOf(value.get()),
                        "model", p.getKey(), "D", String.valueOf(p.getValue()))));
            }
        }
        // an embedder whose size nobody published here: say the value was not checked, rather than nothing
        for (String id : linked) {
            YamlMapping m = embedders.get(id);
            if (m != null && dimensionOf(m).isEmpty()) {
                return Optional.of(out.at(at, Map.of("dim", String.valueOf(value.get()),
                        "model", WrenConfig.text(m, "model").orElse(id), "D", "?")).variant("unknown").withSeverity(Severity.NOTE));
            }
        }
        return Optional.empty();
    }

    private static Finding missing(SourcePos at, Map<String, Integer> produced, Findings out) {
        Map.Entry<String, Integer> first = produced.entrySet().stream().findFirst().orElse(Map.entry("the embedder", 0));
        return out.at(at, Map.of("dim", "0", "model", first.getKey(),
                "D", first.getValue() == 0 ? "?" : String.valueOf(first.getValue()))).variant("missing");
    }

    private static void noEmbeddings(Group group, Findings out) {
        for (Model m : Model.of(group)) {
            if (!m.embedding()) {
                continue;
            }
            Providers.prefix(m.name()).filter(Providers.NO_EMBEDDINGS::contains).ifPresent(p ->
                    out.add(out.at(m.model().pos(), Map.of("model", m.name(), "prefix", p))));
        }
    }

    /**
     * The LiteLLM releases in which {@code ollama/} embeddings are known to work: WrenAI's own Ollama
     * example embedded through {@code ollama/} in every release whose service installs one of them
     * (1.60.5 to 1.72.6.post1), and litellm#11997 saw 1.72.6 work and 1.73.0.rc.1 fail. The rule page
     * lists the evidence.
     */
    static final Version OLLAMA_EMBEDDINGS_WORK_FROM = Version.of("1.60.5");
    static final Version OLLAMA_EMBEDDINGS_FAIL_AGAIN = Version.of("1.73.0");

    private static void ollamaEmbedder(Group group, Findings out) {
        Optional<Version> litellm = group.environment().litellmVersion();
        if (litellm.filter(v -> v.compareTo(OLLAMA_EMBEDDINGS_WORK_FROM) >= 0 && v.compareTo(OLLAMA_EMBEDDINGS_FAIL_AGAIN) < 0).isPresent()) {
            return;
        }
        for (Model m : Model.of(group)) {
            if (m.embedding() && (m.name().startsWith("ollama/") || m.name().startsWith("ollama_chat/"))) {
                Finding f = out.at(m.model().pos(), Map.of("model", m.name(), "name", Providers.name(m.name()),
                        "litellm", litellm.map(Version::toString).orElse("")));
                out.add(litellm.isPresent() ? f.variant("version") : f);
            }
        }
    }
}
