package dev.casebook.validate;

import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlScalar;
import dev.casebook.yaml.YamlSequence;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** NET001–NET004: container networking. */
final class NetConditions {

    private static final Set<String> MISSPELLED = Set.of("docker.host.internal", "host.docker.local", "host.docker.internel",
            "host-docker-internal", "host.internal.docker", "hostdocker.internal");

    private NetConditions() {
    }

    static void register(Map<String, Condition> checks) {
        checks.put("NET001", NetConditions::loopback);
        checks.put("NET002", NetConditions::misspelledHost);
        checks.put("NET003", NetConditions::linuxHostGateway);
        checks.put("NET004", NetConditions::engineHost);
    }

    private static void loopback(Group group, Findings out) {
        if (group.environment().deployment("local")) {
            return;
        }
        for (ConfigFile file : group.files()) {
            if (file.kind() != Kind.WREN_CONFIG && file.kind() != Kind.LITELLM_PROXY) {
                continue;
            }
            List<Scan.UrlValue> urls = Scan.urls(file);
            // without proof, a config that only talks to localhost runs outside docker (WrenAI's dev configs)
            if (!Scan.runsInContainer(group, file)
                    && (urls.stream().allMatch(u -> u.url().isLoopback()) || !Scan.dockerSignal(group, file))) {
                continue;
            }
            Set<String> keys = file.kind() == Kind.WREN_CONFIG ? Set.of("api_base", "endpoint", "location") : Set.of("api_base");
            for (Scan.UrlValue u : urls) {
                if (keys.contains(u.key()) && u.url().isLoopback()) {
                    out.add(out.at(u.scalar().pos(), Map.of("url", u.scalar().text(), "key", u.key())));
                }
            }
        }
    }

    private static void misspelledHost(Group group, Findings out) {
        for (ConfigFile file : group.files()) {
            if (file.kind() == Kind.DOTENV) {
                file.dotenv().orElseThrow().entries().forEach(e -> Url.parse(e.value())
                        .filter(u -> MISSPELLED.contains(u.host()))
                        .ifPresent(u -> out.add(out.at(e.valuePos(), Map.of("host", u.host(), "url", e.value())))));
                continue;
            }
            for (YamlScalar s : Scan.strings(file)) {
                Url.parse(s.text()).filter(u -> MISSPELLED.contains(u.host()))
                        .ifPresent(u -> out.add(out.at(s.pos(), Map.of("host", u.host(), "url", s.text()))));
            }
        }
    }

    private static void linuxHostGateway(Group group, Findings out) {
        if (group.environment().hostOs().map(os -> os.equals("mac") || os.equals("windows")).orElse(false)) {
            return;
        }
        for (ConfigFile compose : group.of(Kind.COMPOSE)) {
            for (ConfigFile config : group.files()) {
                String service = config.kind() == Kind.WREN_CONFIG ? "wren-ai-service"
                        : config.kind() == Kind.LITELLM_PROXY ? "litellm" : null;
                if (service == null || Scan.urls(config).stream().noneMatch(u -> u.url().host().equals("host.docker.internal"))) {
                    continue;
                }
                service(compose, service).filter(s -> !mapsHostGateway(s.value()))
                        .ifPresent(s -> out.add(out.at(s.key().pos(), Map.of("service", service))));
            }
        }
    }

    private static Optional<YamlMapping.Entry> service(ConfigFile compose, String name) {
        for (YamlMapping root : compose.mappings()) {
            Optional<YamlMapping.Entry> s = root.get("services").filter(YamlMapping.class::isInstance)
                    .map(YamlMapping.class::cast).flatMap(m -> m.entry(name));
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    // extra_hosts: ["host.docker.internal:host-gateway"] or {host.docker.internal: host-gateway}
    private static boolean mapsHostGateway(YamlNode service) {
        if (!(service instanceof YamlMapping m)) {
            return false;
        }
        Optional<YamlNode> hosts = m.get("extra_hosts");
        if (hosts.isEmpty()) {
            return false;
        }
        if (hosts.get() instanceof YamlSequence seq) {
            return seq.items().stream().anyMatch(i -> i instanceof YamlScalar s
                    && s.text().strip().toLowerCase(Locale.ROOT).matches("host\\.docker\\.internal[:=].+"));
        }
        return hosts.get() instanceof YamlMapping map && map.has("host.docker.internal");
    }

    private static void engineHost(Group group, Findings out) {
        if (group.environment().deployment("k8s")) {
            return;
        }
        for (ConfigFile file : group.of(Kind.WREN_CONFIG)) {
            if (!Scan.dockerSignal(group, file)) {
                continue;
            }
            for (YamlMapping doc : WrenConfig.ofType(file, "engine")) {
                String provider = WrenConfig.text(doc, "provider").orElse("");
                String expected = provider.equals("wren_ibis") ? "ibis-server" : provider.equals("wren_ui") ? "wren-ui" : null;
                Optional<YamlScalar> endpoint = WrenConfig.scalar(doc, "endpoint");
                if (expected == null || endpoint.isEmpty()) {
                    continue;
                }
                Url.parse(endpoint.get().text()).filter(u -> !u.host().equals(expected)).ifPresent(u ->
                        out.add(out.at(endpoint.get().pos(), Map.of("host", u.host(), "expected", expected,
                                "provider", provider))));
            }
        }
    }
}
