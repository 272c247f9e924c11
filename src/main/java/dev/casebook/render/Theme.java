package dev.casebook.render;

import dev.casebook.content.Lang;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.SourcePos;
import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlReader;
import dev.casebook.yaml.YamlScalar;
import dev.casebook.yaml.YamlSequence;
import dev.casebook.yaml.YamlStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The theme: Pebble templates, UI strings per language ({@code i18n/<lang>.yaml}) and static assets
 * listed in {@code theme.yaml}. Files in the site's {@code templates/} folder take precedence over
 * the theme packaged in the jar, file by file, so a site can override one template or one asset.
 *
 * <p>Diagnostic id: {@code config-theme} (exit code 2).
 */
public final class Theme {

    static final String CLASSPATH_ROOT = "theme/";

    private final Optional<Path> siteTemplates;
    private final Map<Lang, Map<String, String>> strings;
    private final Map<String, byte[]> assets;

    private Theme(Optional<Path> siteTemplates, Map<Lang, Map<String, String>> strings, Map<String, byte[]> assets) {
        this.siteTemplates = siteTemplates;
        this.strings = strings;
        this.assets = assets;
    }

    Optional<Path> siteTemplates() {
        return siteTemplates;
    }

    /** UI strings of {@code lang}; every language has the same keys (checked when loading). */
    public Map<String, String> strings(Lang lang) {
        return strings.get(lang);
    }

    /** One UI string of {@code lang}, empty when the theme lacks it (a theme error reported when loading). */
    public Optional<String> string(Lang lang, String key) {
        return Optional.ofNullable(strings.getOrDefault(lang, Map.of()).get(key));
    }

    Map<String, byte[]> assets() {
        return assets;
    }

    /** The search client ({@code assets/search.js}); the search stage writes it beside the index it names. */
    public String searchScript() {
        return read(siteTemplates, "assets/search.js").orElse("");
    }

    /** Loads the theme for {@code languages} from {@code site/templates} and the jar. */
    public static Outcome<Theme> load(Path site, List<Lang> languages) {
        Path dir = site.resolve("templates");
        Optional<Path> siteTemplates = Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        List<Diagnostic> diagnostics = new ArrayList<>();
        YamlReader yaml = new YamlReader();

        Map<Lang, Map<String, String>> strings = new LinkedHashMap<>();
        for (Lang lang : languages) {
            String name = "i18n/" + lang.code() + ".yaml";
            Optional<String> text = read(siteTemplates, name);
            if (text.isEmpty()) {
                diagnostics.add(Diagnostic.error("config-theme", SourcePos.file("templates/" + name),
                        "the theme has no UI strings for language `" + lang + "`",
                        "copy templates/i18n/en.yaml to templates/" + name + " and translate it"));
                continue;
            }
            strings.put(lang, flatStrings(yaml.read(text.get(), "templates/" + name), diagnostics));
        }
        checkSameKeys(strings, diagnostics);
        checkBuiltInKeys(strings, yaml, diagnostics);
        siteTemplates.ifPresent(d -> refuseLinks(d, diagnostics));

        Map<String, byte[]> assets = new TreeMap<>();
        Highlighter.SCRIPT.ifPresent(bytes -> assets.put("highlight.js", bytes));
        Checker.SCRIPT.ifPresent(bytes -> assets.put("checker.js", bytes));
        Optional<String> manifest = read(siteTemplates, "theme.yaml");
        List<String> names = manifest.map(m -> assetNames(yaml.read(m, "templates/theme.yaml"), diagnostics)).orElse(List.of());
        for (String asset : names) {
            Optional<byte[]> bytes = readBytes(siteTemplates, "assets/" + asset);
            if (bytes.isPresent()) {
                assets.put(asset, bytes.get());
            } else {
                diagnostics.add(Diagnostic.error("config-theme", SourcePos.file("templates/theme.yaml"),
                        "asset `" + asset + "` is listed but templates/assets/" + asset + " does not exist",
                        "add the file or remove it from theme.yaml"));
            }
        }
        return Outcome.of(new Theme(siteTemplates, strings, assets), diagnostics);
    }

    private static Map<String, String> flatStrings(YamlStream stream, List<Diagnostic> diagnostics) {
        stream.diagnostics().forEach(d -> diagnostics.add(new Diagnostic(d.severity(), "config-theme", d.pos(), d.message(), d.hint())));
        Map<String, String> out = new TreeMap<>();
        if (stream.single().orElse(null) instanceof YamlMapping map) {
            for (YamlMapping.Entry e : map.effective()) {
                if (e.value() instanceof YamlScalar s && !s.isNull()) {
                    out.put(e.name(), s.text());
                } else {
                    diagnostics.add(Diagnostic.error("config-theme", e.value().pos(),
                            "UI string `" + e.name() + "` must be text", "quote the value"));
                }
            }
        }
        return out;
    }

    /** The theme's own templates and the renderer use every key of the built-in strings: each language needs them all. */
    private static void checkBuiltInKeys(Map<Lang, Map<String, String>> strings, YamlReader yaml, List<Diagnostic> diagnostics) {
        Optional<String> builtIn = read(Optional.empty(), "i18n/en.yaml");
        if (builtIn.isEmpty()) {
            return;
        }
        Set<String> required = flatStrings(yaml.read(builtIn.get(), "i18n/en.yaml"), new ArrayList<>()).keySet();
        reportMissing(strings, required, "UI strings the theme uses are missing for",
                "add them; the built-in templates/i18n/en.yaml lists every key", diagnostics);
    }

    /** One error per language whose strings lack some of {@code required}. */
    private static void reportMissing(Map<Lang, Map<String, String>> strings, Set<String> required, String what, String hint,
                                      List<Diagnostic> diagnostics) {
        for (Map.Entry<Lang, Map<String, String>> e : strings.entrySet()) {
            TreeSet<String> missing = new TreeSet<>(required);
            missing.removeAll(e.getValue().keySet());
            if (!missing.isEmpty()) {
                diagnostics.add(Diagnostic.error("config-theme", SourcePos.file("templates/i18n/" + e.getKey() + ".yaml"),
                        what + " `" + e.getKey() + "`: " + String.join(", ", missing), hint));
            }
        }
    }

    /** A link in templates/ could make a page of any file on the machine: none is followed. */
    private static void refuseLinks(Path dir, List<Diagnostic> diagnostics) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isSymbolicLink).sorted().forEach(link -> diagnostics.add(Diagnostic.error("config-theme",
                    SourcePos.file("templates/" + dir.relativize(link).toString().replace('\\', '/')),
                    "symbolic link in the theme, which is not followed", "copy the file into templates/ instead")));
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error("config-theme", SourcePos.file("templates"), "cannot read templates/: " + e.getMessage(),
                    "check the folder's permissions"));
        }
    }

    /** Prism's grammars for what the articles show: YAML, shell, JSON, Python, .env, Dockerfile, diff. */
    static final List<String> GRAMMARS = List.of("bash", "yaml", "json", "python", "properties", "docker", "diff");
    private static final String PRISM = "META-INF/resources/webjars/prismjs/1.30.0/";

    /**
     * The highlighter the article pages load (deferred, only where there is code): Prism's core and
     * {@link #GRAMMARS} from its WebJar, with the names our fences use mapped to them.
     */
    /**
     * The validator compiled to JavaScript by TeaVM during the Maven build ({@code checker/checker.js}
     * on the classpath), loaded by the check page only; read once per process.
     */
    private static final class Checker {
        static final Optional<byte[]> SCRIPT = read("checker/checker.js");

        private static Optional<byte[]> read(String path) {
            try (InputStream in = Theme.class.getClassLoader().getResourceAsStream(path)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    /** Read once per process: the WebJar does not change while serve rebuilds. */
    private static final class Highlighter {
        static final Optional<byte[]> SCRIPT = highlighter();
    }

    private static Optional<byte[]> highlighter() {
        StringBuilder js = new StringBuilder("/* Prism 1.30.0 (MIT, https://prismjs.com), core and grammars: ")
                .append(String.join(", ", GRAMMARS)).append(" */\nwindow.Prism = window.Prism || {};\n");
        for (String part : Stream.concat(Stream.of("prism-core"),
                GRAMMARS.stream().map(g -> "prism-" + g)).toList()) {
            String path = PRISM + "components/" + part + ".min.js";
            try (InputStream in = Theme.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    return Optional.empty(); // a jar without the WebJar: pages stay unhighlighted
                }
                js.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        js.append("Prism.languages.dotenv = Prism.languages.env = Prism.languages.properties;\n")
                .append("Prism.languages.sh = Prism.languages.shell = Prism.languages.console = Prism.languages.bash;\n")
                .append("Prism.languages.yml = Prism.languages.yaml;\nPrism.languages.dockerfile = Prism.languages.docker;\n");
        return Optional.of(js.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void checkSameKeys(Map<Lang, Map<String, String>> strings, List<Diagnostic> diagnostics) {
        TreeSet<String> all = new TreeSet<>();
        strings.values().forEach(m -> all.addAll(m.keySet()));
        reportMissing(strings, all, "UI strings missing for", "every language file in templates/i18n/ needs the same keys", diagnostics);
    }

    private static List<String> assetNames(YamlStream stream, List<Diagnostic> diagnostics) {
        List<String> names = new ArrayList<>();
        if (stream.single().orElse(null) instanceof YamlMapping map
                && map.get("assets").orElse(null) instanceof YamlSequence seq) {
            seq.items().forEach(i -> {
                if (i instanceof YamlScalar s && s.text().matches("[A-Za-z0-9_.-]+")) {
                    names.add(s.text());
                } else {
                    diagnostics.add(Diagnostic.error("config-theme", i.pos(), "asset names are plain file names",
                            "list files of templates/assets/ such as style.css"));
                }
            });
        }
        return names;
    }

    /**
     * The file {@code name} of the theme packaged in the jar ({@code article.peb},
     * {@code assets/style.css}, {@code i18n/en.yaml}), if it has one.
     */
    public static Optional<byte[]> packaged(String name) {
        if (name.startsWith("/") || name.contains("\\") || List.of(name.split("/")).contains("..")) {
            return Optional.empty();
        }
        return readBytes(Optional.empty(), name);
    }

    /** The names of every file of the packaged theme, sorted, as {@link #packaged} takes them. */
    public static List<String> packagedFiles() throws IOException {
        URL marker = Theme.class.getClassLoader().getResource(CLASSPATH_ROOT + "theme.yaml");
        if (marker == null) {
            return List.of();
        }
        try {
            URI uri = marker.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return names(jar.getPath("/" + CLASSPATH_ROOT));
                } catch (FileSystemAlreadyExistsException e) {
                    return names(FileSystems.getFileSystem(uri).getPath("/" + CLASSPATH_ROOT));
                }
            }
            return names(Path.of(uri).getParent());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static List<String> names(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    static Optional<String> read(Optional<Path> siteTemplates, String name) {
        return readBytes(siteTemplates, name).map(b -> new String(b, StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    static Optional<byte[]> readBytes(Optional<Path> siteTemplates, String name) {
        try {
            if (siteTemplates.isPresent()) {
                Path file = siteTemplates.get().resolve(name).normalize();
                if (file.startsWith(siteTemplates.get()) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.of(Files.readAllBytes(file));
                }
            }
            try (InputStream in = Theme.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + name)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
