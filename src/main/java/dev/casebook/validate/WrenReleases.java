package dev.casebook.validate;

import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlReader;
import dev.casebook.yaml.YamlScalar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The LiteLLM release each wren-ai-service release installs ({@code rules/wren-litellm.yaml}, written
 * by scripts/wren-facts.py from the service's lock file per release tag), so a declared service
 * version also tells the rules which LiteLLM reads the config.
 */
final class WrenReleases {

    private static final Map<Version, Version> LITELLM = load();

    private WrenReleases() {
    }

    /** The LiteLLM version {@code service} installs; empty for a release the table does not list. */
    static Optional<Version> litellm(Version service) {
        return Optional.ofNullable(LITELLM.get(service));
    }

    private static Map<Version, Version> load() {
        try (InputStream in = WrenReleases.class.getClassLoader().getResourceAsStream("rules/wren-litellm.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            YamlMapping root = (YamlMapping) new YamlReader().read(text, "rules/wren-litellm.yaml").single().orElseThrow();
            Map<Version, Version> out = new TreeMap<>();
            for (YamlMapping.Entry e : root.effective()) {
                YamlScalar litellm = (YamlScalar) ((YamlMapping) e.value()).get("litellm").orElseThrow();
                out.put(Version.of(e.name()), Version.of(litellm.text()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
