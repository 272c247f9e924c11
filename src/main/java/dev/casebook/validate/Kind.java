package dev.casebook.validate;

import java.util.Locale;
import java.util.Optional;

/** What a config file is, which decides the rules that apply to it. */
public enum Kind {
    WREN_CONFIG("wren-config"),
    LITELLM_PROXY("litellm-proxy"),
    DOTENV("dotenv"),
    COMPOSE("compose"),
    YAML("yaml"),
    JSON("json");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    /** The name used in rule data and messages: {@code wren-config}, {@code dotenv}. */
    public String label() {
        return label;
    }

    public boolean isYaml() {
        return this != DOTENV;
    }

    public static Optional<Kind> byLabel(String label) {
        for (Kind k : values()) {
            if (k.label.equals(label.toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
