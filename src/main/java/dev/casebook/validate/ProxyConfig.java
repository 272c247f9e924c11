package dev.casebook.validate;

import dev.casebook.yaml.YamlMapping;
import java.util.List;

/** Reading a LiteLLM proxy {@code config.yaml}. */
final class ProxyConfig {

    private ProxyConfig() {
    }

    static List<YamlMapping> entries(YamlMapping root) {
        return WrenConfig.mappings(root.get("model_list"));
    }
}
