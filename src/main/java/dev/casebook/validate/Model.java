package dev.casebook.validate;

import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A model string that LiteLLM actually receives, with the settings that travel with it: an entry of
 * {@code models} under {@code provider: litellm_llm}/{@code litellm_embedder} in a WrenAI config
 * (document-level keys merged in and overriding, as wren-ai-service does), or the
 * {@code litellm_params} of a proxy {@code model_list} entry.
 *
 * @param document  the WrenAI document, or the proxy config's root
 * @param entry     the {@code models[i]} or {@code model_list[i]} mapping
 * @param settings  effective key → entry ({@code api_base}, {@code api_key_name}, {@code kwargs}, ...)
 */
public record Model(ConfigFile file, Role role, YamlMapping document, YamlMapping entry, YamlScalar model,
                    Map<String, YamlMapping.Entry> settings, boolean embedding) {

    public enum Role { LLM, EMBEDDER, PROXY }

    private static final Set<String> DOCUMENT_KEYS = Set.of("type", "provider", "models");

    public String name() {
        return model.text();
    }

    public String provider() {
        return Providers.provider(model.text());
    }

    public Optional<YamlNode> node(String key) {
        return Optional.ofNullable(settings.get(key)).map(YamlMapping.Entry::value);
    }

    /** A setting that is a non-empty scalar. */
    public Optional<YamlScalar> scalar(String key) {
        return node(key).filter(YamlScalar.class::isInstance).map(YamlScalar.class::cast).filter(s -> !s.isNull());
    }

    /** Generation parameters: {@code kwargs} in WrenAI, {@code litellm_params} itself in a proxy. */
    public Optional<YamlMapping> params() {
        if (role == Role.PROXY) {
            return Optional.of(entry.get("litellm_params").filter(YamlMapping.class::isInstance)
                    .map(YamlMapping.class::cast).orElseThrow());
        }
        return node("kwargs").filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast);
    }

    public Optional<Url> apiBase() {
        return scalar("api_base").flatMap(s -> Url.parse(s.text()));
    }

    /** Every LiteLLM model of a group's WrenAI configs and proxy configs, in file order. */
    static List<Model> of(Group group) {
        List<Model> out = new ArrayList<>();
        for (ConfigFile file : group.files()) {
            if (file.kind() == Kind.WREN_CONFIG) {
                for (YamlMapping doc : file.mappings()) {
                    String provider = WrenConfig.text(doc, "provider").orElse("");
                    Role role = provider.equals("litellm_llm") ? Role.LLM : provider.equals("litellm_embedder") ? Role.EMBEDDER : null;
                    if (role == null) {
                        continue;
                    }
                    for (YamlMapping m : WrenConfig.models(doc)) {
                        Map<String, YamlMapping.Entry> settings = new LinkedHashMap<>();
                        m.effective().forEach(e -> settings.put(e.name(), e));
                        doc.effective().stream().filter(e -> !DOCUMENT_KEYS.contains(e.name()))
                                .forEach(e -> settings.put(e.name(), e));
                        Optional.ofNullable(settings.get("model")).map(YamlMapping.Entry::value)
                                .filter(YamlScalar.class::isInstance).map(YamlScalar.class::cast)
                                .filter(s -> !s.isNull())
                                .ifPresent(model -> out.add(new Model(file, role, doc, m, model, settings, role == Role.EMBEDDER)));
                    }
                }
            } else if (file.kind() == Kind.LITELLM_PROXY) {
                for (YamlMapping root : file.mappings()) {
                    for (YamlMapping item : ProxyConfig.entries(root)) {
                        Optional<YamlMapping> params = item.get("litellm_params")
                                .filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast);
                        if (params.isEmpty()) {
                            continue;
                        }
                        Map<String, YamlMapping.Entry> settings = new LinkedHashMap<>();
                        params.get().effective().forEach(e -> settings.put(e.name(), e));
                        boolean embedding = item.get("model_info").filter(YamlMapping.class::isInstance)
                                .flatMap(i -> WrenConfig.text((YamlMapping) i, "mode")).map("embedding"::equals).orElse(false);
                        Optional.ofNullable(settings.get("model")).map(YamlMapping.Entry::value)
                                .filter(YamlScalar.class::isInstance).map(YamlScalar.class::cast)
                                .filter(s -> !s.isNull())
                                .ifPresent(model -> out.add(new Model(file, Role.PROXY, root, item, model, settings, embedding)));
                    }
                }
            }
        }
        return out;
    }
}
