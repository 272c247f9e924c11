package dev.casebook.validate;

import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlScalar;
import dev.casebook.yaml.YamlSequence;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reading WrenAI's multi-document {@code config.yaml}: document types, models, pipes. */
final class WrenConfig {

    static final Set<String> TYPES = Set.of("llm", "embedder", "document_store", "engine", "pipeline");

    private WrenConfig() {
    }

    static Optional<String> text(YamlMapping m, String key) {
        return m.get(key).filter(YamlScalar.class::isInstance).map(YamlScalar.class::cast)
                .filter(s -> !s.isNull()).map(YamlScalar::text);
    }

    static Optional<YamlScalar> scalar(YamlMapping m, String key) {
        return m.get(key).filter(YamlScalar.class::isInstance).map(YamlScalar.class::cast).filter(s -> !s.isNull());
    }

    static Optional<String> type(YamlMapping doc) {
        return text(doc, "type");
    }

    static List<YamlMapping> ofType(ConfigFile file, String type) {
        return file.mappings().stream().filter(d -> type(d).map(type::equals).orElse(false)).toList();
    }

    static List<YamlMapping> models(YamlMapping doc) {
        return mappings(doc.get("models"));
    }

    static List<YamlMapping> pipes(YamlMapping doc) {
        return mappings(doc.get("pipes"));
    }

    static List<YamlMapping> mappings(Optional<YamlNode> node) {
        if (node.isPresent() && node.get() instanceof YamlSequence seq) {
            return seq.items().stream().filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast).toList();
        }
        return List.of();
    }

    /**
     * The first wren-ai-service with model aliases: Canner/WrenAI commit 4a3411ddd "allow adding alias
     * to llm" (#1276), first shipped by the version bump to 0.15.10 (9a35fb35a).
     */
    static final Version ALIAS_SINCE = Version.of("0.15.10");

    /** Whether {@code version} (when known) reads a model's {@code alias}. */
    static boolean readsAlias(Optional<Version> version) {
        return version.map(v -> v.compareTo(ALIAS_SINCE) >= 0).orElse(true);
    }

    /** {@code <provider>.<alias or model>}, the identifier pipes refer to; before 0.15.10, always the model. */
    static Optional<String> identifier(YamlMapping doc, YamlMapping model, Optional<Version> version) {
        Optional<String> provider = text(doc, "provider");
        Optional<String> name = (readsAlias(version) ? text(model, "alias") : Optional.<String>empty())
                .or(() -> text(model, "model"));
        return provider.isPresent() && name.isPresent() ? Optional.of(provider.get() + "." + name.get()) : Optional.empty();
    }
}
