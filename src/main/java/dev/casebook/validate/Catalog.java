package dev.casebook.validate;

import dev.casebook.diag.Severity;
import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlReader;
import dev.casebook.yaml.YamlScalar;
import dev.casebook.yaml.YamlSequence;
import dev.casebook.yaml.YamlStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule catalog shipped in the jar: {@code rules/catalog.yaml} lists the rule files of
 * {@code rules/}, one per rule. A malformed rule file is a bug in Casebook, so it fails loudly.
 */
public final class Catalog {

    private static final String ROOT = "rules/";

    private final Map<String, Rule> rules;
    private final List<Pack> packs;

    /**
     * A named group of rules about one subject (Docker and {@code .env} files; LiteLLM, WrenAI and
     * Ollama), which a site turns on by naming it under {@code rule_packs:} in {@code _site.yaml}.
     *
     * @param title the pack's name for readers, by language
     * @param rules the ids of its rules, in catalog order
     */
    public record Pack(String name, Map<String, String> title, List<String> rules) {
        public Pack {
            title = Map.copyOf(title);
            rules = List.copyOf(rules);
        }
    }

    /** The catalog this one was narrowed from by {@link #only} (itself, for a whole catalog). */
    private final Catalog whole;
    /** The narrowed catalogs handed out, one per set of pack names, so a site's catalog is the same object from build to build. */
    private final Map<Set<String>, Catalog> narrowed = new ConcurrentHashMap<>();

    private Catalog(Map<String, Rule> rules, List<Pack> packs, Catalog whole) {
        this.rules = rules;
        this.packs = List.copyOf(packs);
        this.whole = whole == null ? this : whole;
    }

    /** The pack of the whole catalog that holds {@code ruleId} when this catalog leaves it out (the site does not use it). */
    public Optional<Pack> unusedPackOf(String ruleId) {
        return rules.containsKey(ruleId) ? Optional.empty() : whole.packOf(ruleId);
    }

    /** Every pack of the catalog, whether in use or not. */
    public List<Pack> packs() {
        return packs;
    }

    /** The pack that holds {@code ruleId}. */
    public Optional<Pack> packOf(String ruleId) {
        return packs.stream().filter(p -> p.rules().contains(ruleId)).findFirst();
    }

    /**
     * The catalog a site that uses the packs {@code names} gets: their rules only, in catalog
     * order. Unknown names are left out (the caller reports them).
     */
    public Catalog only(Collection<String> names) {
        return narrowed.computeIfAbsent(Set.copyOf(names), key -> {
            Map<String, Rule> kept = new LinkedHashMap<>();
            rules.forEach((id, rule) -> {
                if (packOf(id).map(p -> key.contains(p.name())).orElse(false)) {
                    kept.put(id, rule);
                }
            });
            return new Catalog(kept, packs.stream().filter(p -> key.contains(p.name())).toList(), whole);
        });
    }

    private static final class Holder {
        static final Catalog BUILT_IN = load();
    }

    /** The built-in catalog, read once. */
    public static Catalog builtIn() {
        return Holder.BUILT_IN;
    }

    public List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    public Optional<Rule> rule(String id) {
        return Optional.ofNullable(rules.get(id.toUpperCase(Locale.ROOT)));
    }

    public List<String> ids() {
        return List.copyOf(rules.keySet());
    }

    /**
     * The catalog as the rule files in {@code dir} say it ({@code catalog.yaml} and one file per
     * rule): what {@code casebook serve} reads in a checkout of Casebook, so an edited rule text is
     * seen at once. The rule conditions are code and stay as compiled.
     *
     * @throws IllegalArgumentException with a readable reason when a file is missing or malformed
     */
    public static Catalog fromFolder(Path dir) {
        try {
            return load(file -> {
                Path p = dir.resolve(file);
                return Files.isRegularFile(p) ? Files.newInputStream(p) : null;
            });
        } catch (IllegalStateException | ClassCastException | NoSuchElementException e) {
            throw new IllegalArgumentException(String.valueOf(e.getMessage()), e);
        }
    }

    /** Opens a rule data file by name, or gives null when there is none. */
    private interface RuleFiles {
        InputStream open(String file) throws IOException;
    }

    private static Catalog load() {
        return load(file -> Catalog.class.getClassLoader().getResourceAsStream(ROOT + file));
    }

    private static Catalog load(RuleFiles files) {
        YamlReader yaml = new YamlReader();
        YamlMapping index = (YamlMapping) read(yaml, files, "catalog.yaml");
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (YamlNode id : ((YamlSequence) index.get("rules").orElseThrow()).items()) {
            String name = ((YamlScalar) id).text();
            Rule rule = rule((YamlMapping) read(yaml, files, name + ".yaml"), name);
            rules.put(rule.id(), rule);
        }
        List<Pack> packs = new ArrayList<>();
        Set<String> packed = new HashSet<>();
        for (YamlMapping.Entry e : ((YamlMapping) index.get("packs").orElseThrow()).effective()) {
            YamlMapping pack = (YamlMapping) e.value();
            List<String> ids = ((YamlSequence) pack.get("rules").orElseThrow()).items().stream()
                    .map(i -> ((YamlScalar) i).text()).toList();
            for (String id : ids) {
                if (!rules.containsKey(id) || !packed.add(id)) {
                    throw new IllegalStateException("rules/catalog.yaml: pack " + e.name() + " names " + id
                            + (rules.containsKey(id) ? ", which another pack holds" : ", which is not a rule"));
                }
            }
            packs.add(new Pack(e.name(), texts((YamlMapping) pack.get("title").orElseThrow()), ids));
        }
        if (!packed.equals(rules.keySet())) {
            throw new IllegalStateException("rules/catalog.yaml: rules in no pack: "
                    + rules.keySet().stream().filter(id -> !packed.contains(id)).toList());
        }
        return new Catalog(rules, packs, null);
    }

    private static YamlNode read(YamlReader yaml, RuleFiles files, String file) {
        try (InputStream in = files.open(file)) {
            if (in == null) {
                throw new IllegalStateException("rule data missing: " + ROOT + file);
            }
            YamlStream s = yaml.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "rules/" + file);
            if (s.hasErrors()) {
                throw new IllegalStateException("rule data " + file + ": " + s.diagnostics());
            }
            return s.single().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Rule rule(YamlMapping m, String file) {
        String id = text(m, "id");
        if (!id.equals(file)) {
            throw new IllegalStateException("rules/" + file + ".yaml declares id " + id);
        }
        Map<String, Map<String, String>> messages = new TreeMap<>();
        messages.put("default", texts(m, "message"));
        m.get("variants").ifPresent(v -> ((YamlMapping) v).effective()
                .forEach(e -> messages.put(e.name(), texts((YamlMapping) e.value()))));
        List<Rule.Evidence> evidence = new ArrayList<>();
        m.get("evidence").ifPresent(e -> ((YamlSequence) e).items().forEach(item -> {
            YamlMapping ev = (YamlMapping) item;
            evidence.add(new Rule.Evidence(text(ev, "text"), ev.has("url") ? text(ev, "url") : ""));
        }));
        List<Rule.Example> examples = new ArrayList<>();
        ((YamlSequence) m.get("examples").orElseThrow()).items().forEach(item -> examples.add(example((YamlMapping) item)));
        List<Kind> kinds = ((YamlSequence) m.get("kinds").orElseThrow()).items().stream()
                .map(k -> Kind.byLabel(((YamlScalar) k).text()).orElseThrow(() -> new IllegalStateException("kind " + k)))
                .toList();
        boolean recurring = m.get("recurring").map(n -> ((YamlScalar) n).text().equals("true")).orElse(false);
        Map<String, Map<String, String>> fixVariants = new TreeMap<>();
        m.get("fix_variants").ifPresent(v -> ((YamlMapping) v).effective().forEach(e -> {
            if (!messages.containsKey(e.name())) {
                throw new IllegalStateException("rules/" + file + ".yaml: fix variant `" + e.name() + "` has no message variant");
            }
            fixVariants.put(e.name(), texts((YamlMapping) e.value()));
        }));
        return new Rule(id, Severity.valueOf(text(m, "severity").toUpperCase(Locale.ROOT)), recurring, kinds, texts(m, "title"),
                messages, texts(m, "why"), texts(m, "fix"), evidence, examples, fixVariants);
    }

    private static Rule.Example example(YamlMapping m) {
        List<String> expect = m.get("expect").map(n -> ((YamlSequence) n).items().stream()
                .map(i -> ((YamlScalar) i).text()).toList()).orElse(List.of());
        Map<String, String> environment = new TreeMap<>();
        m.get("environment").ifPresent(e -> ((YamlMapping) e).effective()
                .forEach(x -> environment.put(x.name(), ((YamlScalar) x.value()).text())));
        List<Rule.ExampleFile> files = new ArrayList<>();
        ((YamlSequence) m.get("files").orElseThrow()).items().forEach(f -> {
            YamlMapping file = (YamlMapping) f;
            files.add(new Rule.ExampleFile(text(file, "name"), text(file, "text")));
        });
        return new Rule.Example(texts(m, "name"), expect, environment, files);
    }

    private static Map<String, String> texts(YamlMapping m, String key) {
        return texts((YamlMapping) m.get(key).orElseThrow(() -> new IllegalStateException("rule without " + key)));
    }

    private static Map<String, String> texts(YamlMapping m) {
        Map<String, String> out = new TreeMap<>();
        for (String lang : Rule.LANGUAGES) {
            out.put(lang, text(m, lang).strip());
        }
        return out;
    }

    private static String text(YamlMapping m, String key) {
        return ((YamlScalar) m.get(key).orElseThrow(() -> new IllegalStateException("missing " + key + " at " + m.pos()))).text();
    }
}
