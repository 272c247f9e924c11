package dev.casebook.validate;

import static dev.casebook.validate.Scan.codes;

import dev.casebook.diag.SourcePos;
import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlReader;
import dev.casebook.yaml.YamlScalar;
import dev.casebook.yaml.YamlSequence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** WREN001–WREN010: how wren-ai-service reads its multi-document {@code config.yaml}. */
final class WrenConditions {

    static final Set<String> LEGACY = Set.of("openai_llm", "azure_openai_llm", "ollama_llm", "openai_embedder",
            "azure_openai_embedder", "ollama_embedder");
    private static final Version LEGACY_REMOVED = Version.of("0.22.1");


    private WrenConditions() {
    }

    static void register(Map<String, Condition> checks) {
        checks.put("WREN001", WrenConditions::kwargs);
        checks.put("WREN002", WrenConditions::modelReferences);
        checks.put("WREN003", WrenConditions::providerReferences);
        checks.put("WREN004", WrenConditions::requiredPipes);
        checks.put("WREN005", WrenConditions::documents);
        checks.put("WREN006", WrenConditions::legacyProvider);
        checks.put("WREN007", WrenConditions::duplicateIdentifier);
        checks.put("WREN008", WrenConditions::documentOverride);
        checks.put("WREN009", WrenConditions::settings);
        checks.put("WREN010", WrenConditions::newerKeys);
    }

    private static void kwargs(Group group, Findings out) {
        for (ConfigFile file : group.of(Kind.WREN_CONFIG)) {
            for (YamlMapping doc : WrenConfig.ofType(file, "llm")) {
                for (YamlMapping model : WrenConfig.models(doc)) {
                    String name = WrenConfig.text(model, "model").orElse("?");
                    Optional<YamlMapping.Entry> kwargs = model.entry("kwargs");
                    if (kwargs.isEmpty() && !file.fragment()) {
                        SourcePos at = model.entry("model").map(e -> e.value().pos()).orElse(model.pos());
                        out.add(out.at(at, Map.of("model", name, "error", "KeyError: 'kwargs'")));
                    } else if (kwargs.isPresent() && kwargs.get().value() instanceof YamlScalar s && s.isNull()) {
                        out.add(out.at(kwargs.get().key().pos(), Map.of("model", name, "error", "TypeError")));
                    }
                }
            }
        }
    }

    /** The identifiers of one document type across the group's WrenAI configs, with where each is defined. */
    private static Map<String, List<SourcePos>> identifiers(Group group, String type) {
        Map<String, List<SourcePos>> ids = new LinkedHashMap<>();
        for (ConfigFile file : group.of(Kind.WREN_CONFIG)) {
            for (YamlMapping doc : WrenConfig.ofType(file, type)) {
                for (YamlMapping model : WrenConfig.models(doc)) {
                    boolean alias = WrenConfig.readsAlias(group.environment().wrenVersion());
                    WrenConfig.identifier(doc, model, group.environment().wrenVersion()).ifPresent(id -> ids.computeIfAbsent(id, k -> new ArrayList<>())
                            .add((alias ? model.entry("alias") : Optional.<YamlMapping.Entry>empty()).or(() -> model.entry("model"))
                                    .map(e -> e.value().pos()).orElse(model.pos())));
                }
            }
        }
        return ids;
    }

    private static Set<String> providers(Group group, String type) {
        Set<String> out = new LinkedHashSet<>();
        for (ConfigFile file : group.of(Kind.WREN_CONFIG)) {
            WrenConfig.ofType(file, type).forEach(d -> WrenConfig.text(d, "provider").ifPresent(out::add));
        }
        return out;
    }

    private static void modelReferences(Group group, Findings out) {
        Map<String, Set<String>> defined = Map.of("llm", identifiers(group, "llm").keySet(),
                "embedder", identifiers(group, "embedder").keySet());
        pipeFields(group, out, List.of("llm", "embedder"), defined);
    }

    private static void providerReferences(Group group, Findings out) {
        Map<String, Set<String>> defined = Map.of("engine", providers(group, "engine"),
                "document_store", providers(group, "document_store"));
        pipeFields(group, out, List.of("engine", "document_store"), defined);
    }

    private static void pipeFields(Group group, Findings out, List<String> fields,
                                   Map<String, Set<String>> defined) {
        for (ConfigFile file : group.of(Kind.WREN_CONFIG)) {
            for (YamlMapping doc : WrenConfig.ofType(file, "pipeline")) {
                for (YamlMapping pipe : WrenConfig.pipes(doc)) {
                    String name = WrenConfig.text(pipe, "name").orElse("?");
                    for (String field : fields) {
                        Optional<YamlScalar> ref = WrenConfig.scalar(pipe, field);
                        Set<String> ids = defined.get(field);
                        // an excerpt that leaves out every document of a type cannot be judged on it
                        if (ref.isEmpty() || ids.contains(ref.get().text()) || ids.isEmpty() && file.fragment()) {
                            continue;
                        }
                        Map<String, String> args = new HashMap<>();
                        args.put("pipe", name);
                        args.put("field", field);
                        args.put("ref", ref.get().text());
                        args.put("name", ref.get().text());
                        args.put("ids", ids.isEmpty() ? "(none)" : codes(List.copyOf(ids)));
                        out.add(ref.get().pos(), args);
                    }
                }
            }
        }
    }

    private static void requiredPipes(Group group, Findings out) {
        Optional<Version> version = group.environment().wrenVersion();
        if (version.isEmpty()) {
            return;
        }
        Optional<List<String>> required = Optional.ofNullable(PipeTable.REQUIRED.get(version.get().toString()));
        if (required.isEmpty()) {
            return;
        }
        for (ConfigFile file : group.of(Kind.WREN_CONFIG)) {
            if (file.fragment()) {
                continue;
            }
            Set<String> present = new LinkedHashSet<>();
            SourcePos at = file.yaml().map(s -> s.start(0)).orElse(file.origin());
            for (YamlMapping doc : WrenConfig.ofType(file, "pipeline")) {
                at = doc.entry("pipes").map(e -> e.key().pos()).orElse(doc.pos());
                WrenConfig.pipes(doc).forEach(p -> WrenConfig.text(p, "name").ifPresent(present::add));
            }
            // a pipeline list with fewer than half of the release's pipes is an excerpt, not a whole config
            long known = required.get().stream().filter(present::contains).count();
            if (known * 2 < required.get().size()) {
                continue;
            }
            for (String pipe : required.get()) {
                if (!present.contains(pipe)) {
                    out.add(out.at(at, Map.of("name", pipe, "version", version.get().toString())));
                }
            }
        }
    }

    private static void documents(Group group, Findings out) {
        for (ConfigFile file : group.of(Kind.WREN_CONFIG)) {
            var stream = file.yaml().orElseThrow();
            if (stream.hasErrors()) {
                stream.diagnostics().stream().filter(d -> d.id().equals("yaml-syntax")).findFirst().ifPresent(d ->
                        out.add(out.at(d.pos(), Map.of("problem", d.message())).variant("syntax")));
            }
            List<Optional<YamlNode>> docs = stream.documents();
            for (int i = 0; i < docs.size(); i++) {
                Optional<YamlNode> doc = docs.get(i);
                if (doc.isEmpty()) {
                    out.add(out.at(stream.start(i), Map.of()).variant("empty"));
                } else if (!(doc.get() instanceof YamlMapping m)) {
                    out.add(out.at(doc.get().pos(), Map.of()).variant("no-type"));
                } else if (!m.has("type") && !m.has("settings")) {
                    out.add(out.at(m.pos(), Map.of()).variant("no-type"));
                } else if (m.has("type")) {
                    YamlNode type = m.get("type").orElseThrow();
                    String t = type instanceof YamlScalar s ? s.text() : type.describe();
                    if (!WrenConfig.TYPES.contains(t)) {
                        out.add(out.at(type.pos(), Map.of("type", t)).variant("unknown-type"));
                    }
                }
            }
        }
    }

    private static void legacyProvider(Group group, Findings out) {
        Optional<Version> version = group.environment().wrenVersion();
        if (version.isPresent() && version.get().compareTo(LEGACY_REMOVED) < 0) {
            return;
        }
        for (ConfigFile file : group.of(Kind.WREN_CONFIG)) {
            for (YamlMapping doc : file.mappings()) {
                WrenConfig.scalar(doc, "provider").filter(p -> LEGACY.contains(p.text())).ifPresent(p ->
                        out.add(out.at(p.pos(), Map.of("provider", p.text(),
                                "replacement", p.text().endsWith("_llm") ? "litellm_llm" : "litellm_embedder"))));
            }
        }
    }

    private static void duplicateIdentifier(Group group, Findings out) {
        for (String type : List.of("llm", "embedder")) {
            identifiers(group, type).forEach((id, places) -> {
                if (places.size() > 1) {
                    out.add(out.at(places.get(1), Map.of("id", id)));
                }
            });
        }
    }

    private static void documentOverride(Group group, Findings out) {
        Set<String> structural = Set.of("type", "provider", "models");
        for (ConfigFile file : group.of(Kind.WREN_CONFIG)) {
            for (YamlMapping doc : file.mappings()) {
                String type = WrenConfig.type(doc).orElse("");
                if (!type.equals("llm") && !type.equals("embedder")) {
                    continue;
                }
                for (YamlMapping.Entry top : doc.effective()) {
                    if (structural.contains(top.name())) {
                        continue;
                    }
                    for (YamlMapping model : WrenConfig.models(doc)) {
                        model.entry(top.name()).filter(e -> !same(e.value(), top.value())).ifPresent(e ->
                                out.add(out.at(e.key().pos(), Map.of("key", top.name(),
                                        "value", render(top.value()), "model_value", render(e.value()),
                                        "model", WrenConfig.text(model, "model").orElse("?")))));
                    }
                }
            }
        }
    }

    private static boolean same(YamlNode a, YamlNode b) {
        return plain(a).equals(plain(b));
    }

    private static Object plain(YamlNode n) {
        if (n instanceof YamlScalar s) {
            return s.type() + ":" + s.text();
        }
        if (n instanceof YamlSequence seq) {
            return seq.items().stream().map(WrenConditions::plain).toList();
        }
        Map<String, Object> m = new TreeMap<>();
        ((YamlMapping) n).effective().forEach(e -> m.put(e.name(), plain(e.value())));
        return m;
    }

    private static String render(YamlNode n) {
        return n instanceof YamlScalar s ? s.text() : n.describe();
    }

    /** Every {@code settings:} entry of the group's WrenAI configs. */
    private static List<YamlMapping.Entry> settingsEntries(Group group) {
        List<YamlMapping.Entry> entries = new ArrayList<>();
        for (ConfigFile file : group.of(Kind.WREN_CONFIG)) {
            for (YamlMapping doc : file.mappings()) {
                doc.get("settings").filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast)
                        .ifPresent(s -> entries.addAll(s.effective()));
            }
        }
        return entries;
    }

    /**
     * WREN009: a key the release in use does not have (the given version's, else the newest listed
     * release's), unless a later release has it (WREN010's); a key an older release had says so.
     */
    private static void settings(Group group, Findings out) {
        Optional<Version> version = group.environment().wrenVersion();
        Version in = version.orElse(SettingsTable.BY_VERSION.lastKey());
        Optional<Set<String>> atVersion = SettingsTable.at(in);
        if (atVersion.isEmpty()) {
            return; // older than every release listed: nothing to compare with
        }
        for (YamlMapping.Entry e : settingsEntries(group)) {
            String key = e.name();
            if (atVersion.get().contains(key) || SettingsTable.firstAfter(key, in).isPresent()) {
                continue;
            }
            Optional<Version> last = SettingsTable.lastBefore(key, in);
            out.add(last.isPresent()
                    ? out.at(e.key().pos(), Map.of("key", key, "last", last.get().toString())).variant("removed")
                    : out.at(e.key().pos(), Map.of("key", key)));
        }
    }

    /** WREN010: keys the given wren-ai-service is too old for: later settings, and {@code alias} before 0.15.10. */
    private static void newerKeys(Group group, Findings out) {
        Optional<Version> version = group.environment().wrenVersion();
        if (version.isEmpty()) {
            return;
        }
        Optional<Set<String>> atVersion = version.flatMap(SettingsTable::at);
        for (YamlMapping.Entry e : settingsEntries(group)) {
            String key = e.name();
            if (atVersion.map(keys -> !keys.contains(key)).orElse(true)) {
                SettingsTable.firstAfter(key, version.get()).ifPresent(since -> out.add(out.at(e.key().pos(),
                        Map.of("key", key, "since", since.toString(), "version", version.get().toString())).variant("setting")));
            }
        }
        if (WrenConfig.readsAlias(version)) {
            return;
        }
        for (ConfigFile file : group.of(Kind.WREN_CONFIG)) {
            for (YamlMapping doc : file.mappings()) {
                for (YamlMapping model : WrenConfig.models(doc)) {
                    model.entry("alias").ifPresent(a -> out.add(out.at(a.key().pos(), Map.of("key", "alias",
                            "since", WrenConfig.ALIAS_SINCE.toString(), "version", version.orElseThrow().toString(),
                            "identifier", WrenConfig.text(doc, "provider").orElse("?") + "." + WrenConfig.text(model, "model").orElse("?")))
                            .variant("alias")));
                }
            }
        }
    }

    /** The keys of wren-ai-service's {@code Settings} per release ({@code rules/wren-settings.yaml}, see scripts/wren-facts.py). */
    static final class SettingsTable {
        static final TreeMap<Version, Set<String>> BY_VERSION = load();

        /** The keys of the newest listed release at or before {@code v}; empty before the first one listed. */
        static Optional<Set<String>> at(Version v) {
            return Optional.ofNullable(BY_VERSION.floorEntry(v)).map(Map.Entry::getValue);
        }

        /** The last listed release before {@code v} whose Settings have {@code key}. */
        static Optional<Version> lastBefore(String key, Version v) {
            return BY_VERSION.headMap(v, false).descendingMap().entrySet().stream().filter(e -> e.getValue().contains(key))
                    .map(Map.Entry::getKey).findFirst();
        }

        /** The first listed release after {@code v} whose Settings have {@code key}. */
        static Optional<Version> firstAfter(String key, Version v) {
            return BY_VERSION.tailMap(v, false).entrySet().stream().filter(e -> e.getValue().contains(key))
                    .map(Map.Entry::getKey).findFirst();
        }

        private static TreeMap<Version, Set<String>> load() {
            try (InputStream in = SettingsTable.class.getClassLoader().getResourceAsStream("rules/wren-settings.yaml")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                YamlMapping root = (YamlMapping) new YamlReader().read(text, "rules/wren-settings.yaml").single().orElseThrow();
                TreeMap<Version, Set<String>> out = new TreeMap<>();
                for (YamlMapping.Entry e : root.effective()) {
                    YamlSequence keys = (YamlSequence) ((YamlMapping) e.value()).get("settings").orElseThrow();
                    out.put(Version.of(e.name()), Set.copyOf(keys.items().stream().map(i -> ((YamlScalar) i).text()).toList()));
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The pipes each wren-ai-service release looks up at start ({@code rules/wren-pipes.yaml}, see scripts/wren-facts.py). */
    static final class PipeTable {
        static final Map<String, List<String>> REQUIRED = load();

        private static Map<String, List<String>> load() {
            try (InputStream in = PipeTable.class.getClassLoader().getResourceAsStream("rules/wren-pipes.yaml")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                YamlMapping root = (YamlMapping) new YamlReader().read(text, "rules/wren-pipes.yaml").single().orElseThrow();
                Map<String, List<String>> out = new TreeMap<>();
                root.effective().forEach(e -> out.put(e.name(), ((YamlSequence) ((YamlMapping) e.value()).get("pipes").orElseThrow())
                        .items().stream().map(i -> ((YamlScalar) i).text()).toList()));
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
