package dev.casebook.validate;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Every rule's condition, by rule id. The catalog's data and this table must name the same ids. */
final class Checks {

    static final Map<String, Check> ALL = build();

    private Checks() {
    }

    private static Map<String, Check> build() {
        Map<String, Check> checks = new TreeMap<>();
        LlmChecks.register(checks);
        NetChecks.register(checks);
        WrenChecks.register(checks);
        EmbChecks.register(checks);
        EnvChecks.register(checks);
        ProxyChecks.register(checks);
        return Collections.unmodifiableMap(checks);
    }
}
