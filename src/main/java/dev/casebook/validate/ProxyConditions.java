package dev.casebook.validate;

import dev.casebook.diag.Severity;
import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlScalar;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** LP001–LP004 (LiteLLM proxy config) and YAML001 (YAML 1.1 dates). */
final class ProxyConditions {

    private static final Pattern SHELL_REF = Pattern.compile("^\\$\\{?[A-Z_][A-Z0-9_]*}?$");
    private static final Pattern ENV_PREFIX = Pattern.compile("^env:[A-Za-z_][A-Za-z0-9_]*$");
    /** {@code os.environ/NAME/v1}: LiteLLM looks up a variable named {@code NAME/v1}, not NAME plus a suffix. */
    private static final Pattern ENV_WITH_SUFFIX = Pattern.compile("^os\\.environ/[A-Za-z_][A-Za-z0-9_]*/.*$");
    /** The keys of a {@code model_list} entry. */
    private static final Set<String> ENTRY_KEYS = Set.of("model_name", "litellm_params", "model_info");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private ProxyConditions() {
    }

    static void register(Map<String, Condition> checks) {
        checks.put("LP001", ProxyConditions::envReference);
        checks.put("LP002", ProxyConditions::providerField);
        checks.put("LP003", ProxyConditions::incompleteEntry);
        checks.put("LP004", ProxyConditions::proxySettingInLitellmSettings);
        checks.put("YAML001", ProxyConditions::dateVersion);
    }

    private static void envReference(Group group, Findings out) {
        for (ConfigFile file : group.of(Kind.LITELLM_PROXY)) {
            for (YamlScalar s : Scan.strings(file)) {
                String v = s.text().strip();
                if (SHELL_REF.matcher(v).matches() || v.contains("os.environ[") || v.contains("os.getenv(")
                        || ENV_PREFIX.matcher(v).matches()) {
                    String name = v.replaceAll("^\\$\\{?|}$|^env:", "").replaceAll(".*os\\.environ\\[['\"]?|['\"]?].*", "")
                            .replaceAll(".*os\\.getenv\\(['\"]?|['\"]?\\).*", "");
                    out.add(out.at(s.pos(), Map.of("value", s.text(), "name", name)));
                } else if (ENV_WITH_SUFFIX.matcher(v).matches()) {
                    String name = v.substring("os.environ/".length(), v.indexOf('/', "os.environ/".length()));
                    out.add(out.at(s.pos(), Map.of("value", s.text(), "name", name,
                            "literal", v.substring("os.environ/".length()))).variant("suffix").withSeverity(Severity.ERROR));
                }
            }
        }
    }

    private static void providerField(Group group, Findings out) {
        for (ConfigFile file : group.of(Kind.LITELLM_PROXY)) {
            for (YamlMapping root : file.mappings()) {
                for (YamlMapping entry : ProxyConfig.entries(root)) {
                    params(entry).flatMap(p -> p.entry("provider")).ifPresent(e -> out.add(out.at(e.key().pos(),
                            Map.of("provider", e.value() instanceof YamlScalar s ? s.text() : "?",
                                    "model_name", WrenConfig.text(entry, "model_name").orElse("?")))));
                }
            }
        }
    }

    /** Settings the proxy reads from {@code general_settings} only (litellm-docs#1184). */
    private static final List<String> GENERAL_ONLY = List.of("master_key", "database_url");

    private static void proxySettingInLitellmSettings(Group group, Findings out) {
        for (ConfigFile file : group.of(Kind.LITELLM_PROXY)) {
            for (YamlMapping root : file.mappings()) {
                root.get("litellm_settings").filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast).ifPresent(settings -> {
                    for (String key : GENERAL_ONLY) {
                        settings.entry(key).ifPresent(e -> {
                            Finding f = out.at(e.key().pos(), Map.of("key", key));
                            out.add(key.equals("master_key") ? f.variant("master_key") : f);
                        });
                    }
                });
            }
        }
    }

    private static void incompleteEntry(Group group, Findings out) {
        for (ConfigFile file : group.of(Kind.LITELLM_PROXY)) {
            if (file.fragment()) {
                continue;
            }
            for (YamlMapping root : file.mappings()) {
                Optional<YamlMapping.Entry> list = root.entry("model_list");
                if (list.isPresent() && list.get().value() instanceof YamlMapping) {
                    // `model_list:` followed by keys instead of `- ` items: the proxy indexes a string and stops
                    out.add(out.at(list.get().key().pos(), Map.of("missing", "")).variant("not_a_list"));
                    continue;
                }
                for (YamlMapping entry : ProxyConfig.entries(root)) {
                    boolean name = WrenConfig.text(entry, "model_name").isPresent();
                    boolean model = params(entry).flatMap(p -> WrenConfig.text(p, "model")).isPresent();
                    Optional<YamlMapping.Entry> misspelled = entry.effective().stream()
                            .filter(e -> !ENTRY_KEYS.contains(e.name()) && ENTRY_KEYS.contains(e.name().replace('-', '_').toLowerCase(Locale.ROOT)))
                            .findFirst();
                    if (misspelled.isPresent()) {
                        out.add(out.at(misspelled.get().key().pos(), Map.of("missing", "", "key", misspelled.get().name(),
                                "expected", misspelled.get().name().replace('-', '_').toLowerCase(Locale.ROOT))).variant("misspelled"));
                    } else if (!name || !model) {
                        String missing = !name && !model ? "model_name, litellm_params.model"
                                : !name ? "model_name" : "litellm_params.model";
                        out.add(out.at(entry.pos(), Map.of("missing", missing)));
                    }
                }
            }
        }
    }

    private static Optional<YamlMapping> params(YamlMapping entry) {
        return entry.get("litellm_params").filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast);
    }

    private static void dateVersion(Group group, Findings out) {
        for (ConfigFile file : group.files()) {
            if (!file.kind().isYaml()) {
                continue;
            }
            Scan.entries(file, e -> {
                if ((e.name().equals("api_version") || e.name().endsWith("API_VERSION"))
                        && e.value() instanceof YamlScalar s && !s.quoted() && DATE.matcher(s.text()).matches()) {
                    out.add(out.at(s.pos(), Map.of("key", e.name(), "value", s.text())));
                }
            });
        }
    }
}
