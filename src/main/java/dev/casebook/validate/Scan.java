package dev.casebook.validate;

import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlScalar;
import dev.casebook.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Walks over parsed configs: every key/value pair, every URL value. */
final class Scan {

    /** Keys whose values are URLs in WrenAI and LiteLLM configs. */
    static final Set<String> URL_KEYS = Set.of("api_base", "endpoint", "location", "url");
    private static final Set<String> DOCKER_HOSTS = Set.of("qdrant", "wren-ui", "ibis-server", "host.docker.internal");

    private Scan() {
    }

    /** A URL value: the key it is under and the scalar. */
    record UrlValue(String key, YamlScalar scalar, Url url) {
    }

    /** Every mapping entry of the file, depth first, in document order. */
    static void entries(ConfigFile file, Consumer<YamlMapping.Entry> visit) {
        for (Optional<YamlNode> doc : file.documents()) {
            doc.ifPresent(d -> entries(d, visit));
        }
    }

    static void entries(YamlNode node, Consumer<YamlMapping.Entry> visit) {
        if (node instanceof YamlMapping m) {
            for (YamlMapping.Entry e : m.effective()) {
                visit.accept(e);
                entries(e.value(), visit);
            }
        } else if (node instanceof YamlSequence s) {
            s.items().forEach(i -> entries(i, visit));
        }
    }

    /** Every string scalar of the file (values, not keys). */
    static List<YamlScalar> strings(ConfigFile file) {
        List<YamlScalar> out = new ArrayList<>();
        for (Optional<YamlNode> doc : file.documents()) {
            doc.ifPresent(d -> strings(d, out));
        }
        return out;
    }

    private static void strings(YamlNode node, List<YamlScalar> out) {
        if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.STRING) {
            out.add(s);
        } else if (node instanceof YamlMapping m) {
            m.effective().forEach(e -> strings(e.value(), out));
        } else if (node instanceof YamlSequence seq) {
            seq.items().forEach(i -> strings(i, out));
        }
    }

    static List<UrlValue> urls(ConfigFile file) {
        List<UrlValue> out = new ArrayList<>();
        entries(file, e -> {
            if (URL_KEYS.contains(e.name()) && e.value() instanceof YamlScalar s && !s.isNull()) {
                Url.parse(s.text()).ifPresent(u -> out.add(new UrlValue(e.name(), s, u)));
            }
        });
        return out;
    }

    /** A compose file in the group, {@code deployment: docker}, or a docker-only host in a URL value. */
    static boolean dockerSignal(Group group, ConfigFile config) {
        return group.has(Kind.COMPOSE) || group.environment().deployment("docker")
                || urls(config).stream().anyMatch(u -> DOCKER_HOSTS.contains(u.url().host()));
    }

    /**
     * Proof that {@code config} is read inside a container: {@code deployment: docker}, or a compose
     * service in the group that runs WrenAI's AI service or LiteLLM, or that mounts a file of the
     * config's name.
     */
    static boolean runsInContainer(Group group, ConfigFile config) {
        if (group.environment().deployment("docker")) {
            return true;
        }
        String base = config.name().substring(config.name().lastIndexOf('/') + 1);
        for (ConfigFile compose : group.of(Kind.COMPOSE)) {
            for (YamlMapping root : compose.mappings()) {
                Optional<YamlMapping> services = root.get("services").filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast);
                for (YamlMapping.Entry service : services.map(YamlMapping::effective).orElse(List.of())) {
                    if (service.value() instanceof YamlMapping s && (runsWrenOrLiteLlm(service.name(), s) || mounts(s, base))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A compose service that runs WrenAI's AI service or the LiteLLM proxy, by its name or its image. */
    static boolean runsWrenOrLiteLlm(String name, YamlMapping service) {
        String n = name.toLowerCase(Locale.ROOT);
        String image = service.get("image").filter(YamlScalar.class::isInstance).map(i -> ((YamlScalar) i).text())
                .orElse("").toLowerCase(Locale.ROOT);
        return n.contains("wren-ai-service") || n.contains("litellm") || image.contains("wren-ai-service") || image.contains("litellm");
    }

    private static boolean mounts(YamlMapping service, String fileName) {
        if (!(service.get("volumes").orElse(null) instanceof YamlSequence volumes)) {
            return false;
        }
        for (YamlNode v : volumes.items()) {
            String text = v instanceof YamlScalar s ? s.text()
                    : v instanceof YamlMapping m ? m.get("source").filter(YamlScalar.class::isInstance).map(x -> ((YamlScalar) x).text()).orElse("") : "";
            String source = text.split(":", 2)[0];
            if (source.equals(fileName) || source.endsWith("/" + fileName)) {
                return true;
            }
        }
        return false;
    }

    /** Markdown code span for a value in a message. */
    static String code(String s) {
        return "`" + s + "`";
    }

    static String codes(List<String> items) {
        return String.join(", ", items.stream().map(Scan::code).toList());
    }
}
