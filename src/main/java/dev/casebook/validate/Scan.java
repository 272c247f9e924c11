package dev.casebook.validate;

import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlScalar;
import dev.casebook.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;
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

    /** Markdown code span for a value in a message. */
    static String code(String s) {
        return "`" + s + "`";
    }

    static String codes(List<String> items) {
        return String.join(", ", items.stream().map(Scan::code).toList());
    }
}
