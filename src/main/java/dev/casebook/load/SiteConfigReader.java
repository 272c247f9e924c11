package dev.casebook.load;

import dev.casebook.content.BaseUrl;
import dev.casebook.content.Fact;
import dev.casebook.content.Lang;
import dev.casebook.content.SiteConfig;
import dev.casebook.content.SiteSchemas;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.SourcePos;
import dev.casebook.diag.Suggestions;
import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlReader;
import dev.casebook.yaml.YamlScalar;
import dev.casebook.yaml.YamlSequence;
import dev.casebook.yaml.YamlStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code content/_site.yaml} strictly. Problems here are configuration errors: their ids start
 * with {@code config-} and the build exits with 2.
 */
final class SiteConfigReader {

    static final String PATH = "content/_site.yaml";
    private static final Set<String> KNOWN =
            Set.of("languages", "title", "description", "base_url", "repository", "cname", "sections", "products",
                    "rule_packs", "card_image", "require", "schemas");

    private final YamlReader yaml;

    SiteConfigReader(YamlReader yaml) {
        this.yaml = yaml;
    }

    /**
     * {@code content/_site.yaml}, or the defaults when there is none: never read through a link,
     * strict UTF-8, and a {@code card_image} that names a file of {@code content/}.
     */
    SiteConfig readFile(Path content, List<Lang> discovered, List<Diagnostic> diagnostics) {
        Path file = content.resolve("_site.yaml");
        if (Files.isSymbolicLink(file)) {
            diagnostics.add(Diagnostic.error("config-site", SourcePos.file(PATH),
                    "content/_site.yaml is a symbolic link, which is not followed",
                    "put the site configuration itself in content/_site.yaml"));
            return defaults(discovered);
        }
        if (!Files.isRegularFile(file)) {
            return defaults(discovered);
        }
        Optional<String> text = ContentText.read(file, PATH, diagnostics, "config-encoding");
        if (text.isEmpty()) {
            return defaults(discovered);
        }
        Outcome<SiteConfig> config = read(text.get(), discovered);
        diagnostics.addAll(config.diagnostics());
        config.value().cardImage().ifPresent(image -> {
            Path card = content.resolve(image);
            if (!Files.isRegularFile(card, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(card)) {
                diagnostics.add(Diagnostic.error("config-site", SourcePos.file(PATH),
                        "`card_image` names content/" + image + ", which is not a file",
                        "put the image there, or correct the path (relative to content/)"));
            }
        });
        return config.value();
    }

    /** The defaults for a folder without {@code _site.yaml}. */
    static SiteConfig defaults(List<Lang> languages) {
        return new SiteConfig(languages, Map.of(), Map.of(), BaseUrl.ROOT, Optional.empty(), Optional.empty(), Map.of(), Map.of(),
                Map.of(), Optional.empty(), List.of(), List.of(), SiteSchemas.NONE);
    }

    Outcome<SiteConfig> read(String text, List<Lang> discovered) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        YamlStream stream = yaml.read(text, PATH);
        stream.diagnostics().forEach(d -> diagnostics.add(new Diagnostic(d.severity(), "config-" + d.id(), d.pos(), d.message(), d.hint())));
        SiteConfig fallback = defaults(discovered);
        if (stream.hasErrors()) {
            return Outcome.of(fallback, diagnostics);
        }
        Optional<YamlNode> root = stream.single();
        if (root.isEmpty()) {
            return Outcome.of(fallback, diagnostics);
        }
        if (!(root.get() instanceof YamlMapping map)) {
            diagnostics.add(Diagnostic.error("config-type", root.get().pos(), "_site.yaml must be a mapping",
                    "see the README for the keys of _site.yaml"));
            return Outcome.of(fallback, diagnostics);
        }
        YamlFields fields = new YamlFields("config-", diagnostics);
        fields.checkKeys(map, KNOWN, "_site.yaml");

        List<Lang> configured = map.entry("languages").flatMap(fields::strings)
                .map(codes -> languages(codes, map.entry("languages").orElseThrow(), fields))
                .orElse(discovered);
        List<Lang> languages = configured.isEmpty() ? discovered : configured;
        Map<Lang, String> titles = map.entry("title").map(e -> perLanguage(e, languages, fields)).orElse(Map.of());
        Map<Lang, String> descriptions = map.entry("description").map(e -> perLanguage(e, languages, fields)).orElse(Map.of());
        BaseUrl baseUrl = BaseUrl.ROOT;
        Optional<YamlMapping.Entry> base = map.entry("base_url");
        if (base.isPresent()) {
            Optional<String> text2 = fields.string(base.get());
            if (text2.isPresent()) {
                try {
                    baseUrl = BaseUrl.parse(text2.get());
                } catch (IllegalArgumentException ex) {
                    fields.error("base-url", base.get().value(), ex.getMessage(),
                            "write the published address, e.g. https://org.github.io/kb/");
                }
            }
        }
        Optional<String> repository = map.entry("repository").flatMap(e -> fields.string(e).filter(url -> {
            // it becomes the "edit this page" link of every page: only a web address
            String lower = url.strip().toLowerCase(Locale.ROOT);
            if ((lower.startsWith("https://") || lower.startsWith("http://")) && url.strip().length() > 8
                    && url.chars().noneMatch(c -> c < 0x20 || c == '"' || c == '<' || c == '>' || c == '`' || c == ' ')) {
                return true;
            }
            fields.error("value", e.value(), "`repository` must be an https:// address, not `" + url + "`",
                    "write the repository's web address, e.g. https://github.com/org/kb");
            return false;
        }));
        Optional<String> cname = map.entry("cname").flatMap(fields::string);
        Map<String, Map<Lang, String>> sections = new TreeMap<>();
        map.entry("sections").flatMap(fields::mapping).ifPresent(m -> {
            for (YamlMapping.Entry e : m.effective()) {
                sections.put(e.name(), perLanguage(e, languages, fields));
            }
        });
        Map<String, Map<Lang, String>> products = new TreeMap<>();
        map.entry("products").flatMap(fields::mapping).ifPresent(m -> {
            for (YamlMapping.Entry e : m.effective()) {
                products.put(e.name(), perLanguage(e, languages, fields));
            }
        });
        // the packs are named here; which names exist is the rule catalog's to say (the pipeline checks them)
        Map<String, SourcePos> rulePacks = new LinkedHashMap<>();
        map.entry("rule_packs").ifPresent(e -> fields.strings(e).ifPresent(names -> {
            List<YamlNode> items = e.value() instanceof YamlSequence seq ? seq.items() : List.of();
            for (int i = 0; i < names.size(); i++) {
                rulePacks.put(names.get(i), i < items.size() ? items.get(i).pos() : e.value().pos());
            }
        }));
        Optional<String> cardImage = map.entry("card_image").flatMap(e -> fields.string(e).filter(path -> {
            // a file of content/ that is published as the image of every link preview
            String lower = path.toLowerCase(Locale.ROOT);
            boolean image = lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".webp");
            boolean inside = !path.startsWith("/") && !path.contains("\\") && !List.of(path.split("/")).contains("..");
            if (image && inside) {
                return true;
            }
            fields.error("value", e.value(), "`card_image` must be a .png, .jpg or .webp file inside content/, not `" + path + "`",
                    "put the image in content/, e.g. content/_media/card.png, and write card_image: _media/card.png");
            return false;
        }));
        return Outcome.of(new SiteConfig(languages, titles, descriptions, baseUrl, repository, cname, sections, products,
                rulePacks, cardImage, required(map, fields), List.of(), schemas(map, fields)), diagnostics);
    }

    /**
     * {@code schemas: {"k8s/*.yaml": kubernetes}}: the schema each file-name pattern picks, in order; whether
     * the names exist is for the pipeline to say once the schema files are read.
     */
    private static SiteSchemas schemas(YamlMapping map, YamlFields fields) {
        List<SiteSchemas.ByFileName> patterns = new ArrayList<>();
        map.entry("schemas").flatMap(fields::mapping).ifPresent(m -> {
            for (YamlMapping.Entry e : m.effective()) {
                fields.string(e).ifPresent(name -> patterns.add(new SiteSchemas.ByFileName(e.name(), name.strip(), e.value().pos())));
            }
        });
        return new SiteSchemas(List.of(), patterns);
    }

    /** {@code require: [errors, tags, code, source]}: facts by key, and what each translation's body must hold. */
    private static List<String> required(YamlMapping map, YamlFields fields) {
        List<String> allowed = new ArrayList<>(Fact.ALL.stream().map(Fact::name).toList());
        allowed.addAll(SiteConfig.BODY_REQUIREMENTS);
        List<String> out = new ArrayList<>();
        map.entry("require").ifPresent(e -> fields.strings(e).ifPresent(names -> {
            for (String name : names) {
                if (allowed.contains(name)) {
                    out.add(name);
                } else {
                    fields.error("value", e.value(), "`" + name + "` is not something an article can be required to have",
                            Suggestions.hint(name, allowed));
                }
            }
        }));
        return out;
    }

    private static List<Lang> languages(List<String> codes, YamlMapping.Entry e, YamlFields fields) {
        List<Lang> out = new ArrayList<>();
        for (String code : codes) {
            if (Lang.isValid(code)) {
                if (!out.contains(new Lang(code))) {
                    out.add(new Lang(code));
                }
            } else {
                fields.error("language", e.value(), "`" + code + "` is not a language code",
                        "use lower-case codes such as `en`, `zh` or `pt-br`");
            }
        }
        return out;
    }

    // `title: Casebook` applies to every language; `title: {en: ..., zh: ...}` gives one per language.
    private static Map<Lang, String> perLanguage(YamlMapping.Entry e, List<Lang> languages, YamlFields fields) {
        Map<Lang, String> out = new LinkedHashMap<>();
        if (e.value() instanceof YamlScalar) {
            fields.string(e).ifPresent(s -> languages.forEach(l -> out.put(l, s)));
            return out;
        }
        Optional<YamlMapping> m = fields.mapping(e);
        if (m.isEmpty()) {
            return out;
        }
        for (YamlMapping.Entry item : m.get().effective()) {
            if (!Lang.isValid(item.name()) || !languages.contains(new Lang(item.name()))) {
                fields.error("language", item.key(), "`" + item.name() + "` is not one of the site's languages "
                        + languages, "add it to `languages:` or remove this line");
                continue;
            }
            fields.string(item).ifPresent(s -> out.put(new Lang(item.name()), s));
        }
        return out;
    }
}
