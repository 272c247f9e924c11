package dev.casebook.validate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * What LiteLLM itself knows, so the validator never flags what LiteLLM accepts: its provider
 * prefixes (the {@code LlmProviders} enum), the bare model names its model map routes to a
 * provider, and the vector size of embedding models. Generated from LiteLLM's published sources
 * by {@code scripts/litellm-facts.py} into {@code litellm/facts.tsv}; read once, on first use.
 */
public final class LiteLlmFacts {

    static final String RESOURCE = "/litellm/facts.tsv";

    /** An entry of LiteLLM's model map: the provider it routes to, its mode, its vector size if an embedder. */
    public record ModelFact(String name, String provider, String mode, OptionalInt vectorSize) {
    }

    private final String version;
    private final List<String> sources;
    private final Set<String> providers;
    private final Map<String, ModelFact> models;

    private LiteLlmFacts(String version, List<String> sources, Set<String> providers, Map<String, ModelFact> models) {
        this.version = version;
        this.sources = List.copyOf(sources);
        this.providers = Set.copyOf(providers);
        this.models = Map.copyOf(models);
    }

    private static final class Holder {
        static final LiteLlmFacts FACTS = load();
    }

    public static LiteLlmFacts get() {
        return Holder.FACTS;
    }

    /** Which LiteLLM sources these facts come from, as {@code casebook rules} prints it. */
    public String version() {
        return version;
    }

    public List<String> sources() {
        return sources;
    }

    public boolean isProvider(String prefix) {
        return providers.contains(prefix);
    }

    /** The model map's entry for {@code name} exactly as written (a bare name, or a prefixed embedder). */
    public Optional<ModelFact> model(String name) {
        return Optional.ofNullable(models.get(name));
    }

    static LiteLlmFacts load() {
        try (InputStream in = LiteLlmFacts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            String version = "unknown";
            List<String> sources = new ArrayList<>();
            Set<String> providers = new TreeSet<>();
            Map<String, ModelFact> models = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "version" -> version = f[1];
                    case "source" -> sources.add(f[1] + ": " + f[2]);
                    case "provider" -> providers.add(f[1]);
                    case "model" -> models.put(f[1], new ModelFact(f[1], f[2], f[3],
                            f[4].equals("-") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(f[4]))));
                    default -> throw new IllegalStateException(RESOURCE + ": unknown line kind " + f[0]);
                }
            }
            return new LiteLlmFacts(version, sources, providers, models);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
