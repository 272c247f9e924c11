package dev.casebook.validate;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Every rule's condition, by rule id. The catalog's data and this table must name the same ids. */
final class Conditions {

    static final Map<String, Condition> ALL = build();

    private Conditions() {
    }

    private static Map<String, Condition> build() {
        Map<String, Condition> checks = new TreeMap<>();
        LlmConditions.register(checks);
        NetConditions.register(checks);
        WrenConditions.register(checks);
        EmbConditions.register(checks);
        EnvConditions.register(checks);
        ProxyConditions.register(checks);
        return Collections.unmodifiableMap(checks);
    }
}
