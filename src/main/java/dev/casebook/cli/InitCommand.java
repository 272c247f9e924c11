package dev.casebook.cli;

import dev.casebook.content.Fact;
import dev.casebook.content.Lang;
import dev.casebook.diag.Terminal;
import dev.casebook.publish.SafeFiles;
import dev.casebook.render.Theme;
import dev.casebook.validate.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code casebook init}: a new knowledge base that builds and checks strictly as written: the site
 * config with a comment on every key, one example article per language, a README for its writers,
 * a {@code .gitignore}, and two GitHub workflows (check every pull request; build and publish with
 * Pages) that download a pinned Casebook release and verify its SHA-256 before running it.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Starts a knowledge base in DIR (default: the current folder), which must be empty: "
                + "content/_site.yaml, an example article in every language, a README for writers, .gitignore, "
                + "and GitHub workflows that check pull requests and publish with GitHub Pages."})
final class InitCommand implements Callable<Integer> {

    /** Where Casebook's release jars are downloaded from: {@code <RELEASES>/v<version>/casebook.jar}. */
    static final String RELEASES = "https://github.com/casebook-kb/casebook/releases/download";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String SECTION = "getting-started";
    private static final String SLUG = "port-already-allocated";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The folder to start the knowledge base in (default: current folder).")
    Path dir = Path.of(".");

    @Option(names = "--languages", paramLabel = "LANG,LANG", split = ",",
            description = "The site's languages, the default one first (default: zh,en).")
    List<String> languages = List.of("zh", "en");

    @Option(names = "--title", paramLabel = "TEXT", description = "The site's title, in every language (default: a title per language).")
    String title;

    @Option(names = "--rule-packs", paramLabel = "PACK,PACK", split = ",",
            description = "Built-in rule packs that check the site's config snippets, e.g. docker (default: none; see casebook rules).")
    List<String> packs = List.of();

    @Option(names = "--casebook-version", paramLabel = "VERSION",
            description = "The Casebook release the workflows download (default: this one's version).")
    String pinnedVersion;

    @Option(names = "--pin-sha256", paramLabel = "HEX",
            description = "The SHA-256 the workflows check that release's jar against (default: this jar's own).")
    String pinnedSha256;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The example article's date (default: today).")
    LocalDate date;

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        List<Lang> langs = languages(cli);
        List<String> known = Catalog.builtIn().packs().stream().map(Catalog.Pack::name).toList();
        for (String pack : packs) {
            if (!known.contains(pack)) {
                throw new CommandLine.ParameterException(cli, "unknown rule pack `" + pack + "`; the packs are: "
                        + String.join(", ", known));
            }
        }
        String version = pinnedVersion != null ? pinnedVersion : Main.version();
        String sha256 = pinnedSha256 != null ? pinnedSha256.toLowerCase(Locale.ROOT) : ownSha256().orElseThrow(() ->
                new CommandLine.ParameterException(cli, "this Casebook does not run from a jar: give --pin-sha256 "
                        + "with the SHA-256 of the release jar the workflows should download"));
        if (!SHA256.matcher(sha256).matches()) {
            throw new CommandLine.ParameterException(cli, "--pin-sha256 takes 64 hexadecimal digits, not " + sha256);
        }
        Path root = dir.toAbsolutePath().normalize();
        Optional<String> busy = notEmpty(root);
        if (busy.isPresent()) {
            cli.getErr().println("casebook init: " + Terminal.safe(root.toString()) + " is not empty (" + Terminal.safe(busy.get())
                    + "); start a knowledge base in an empty folder");
            return Main.USAGE;
        }
        Files.createDirectories(root);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("content/_site.yaml", siteConfig(langs));
        for (int i = 0; i < langs.size(); i++) {
            files.put("content/" + SECTION + "/" + SLUG + "/index." + langs.get(i).code() + ".md", article(langs.get(i), i == 0));
        }
        Map<String, String> pins = Map.of("@VERSION@", version, "@SHA256@", sha256, "@RELEASES@", RELEASES);
        files.put("README.md", fill(resource("README.md"), Map.of("@TITLE@", title != null ? title : "Troubleshooting",
                "@VERSION@", version, "@LANGUAGE_FILES@", String.join(", ",
                        langs.stream().map(l -> "`index." + l.code() + ".md`").toList()),
                "@JAR_URL@", RELEASES + "/v" + version + "/casebook.jar", "@SHA256@", sha256)));
        for (Lang lang : langs) {
            // a language the packaged theme has no UI strings for starts from the English ones
            String strings = "i18n/" + lang.code() + ".yaml";
            if (Theme.packaged(strings).isEmpty()) {
                files.put("templates/" + strings, "# The theme's UI strings for `" + lang.code() + "`, copied from English: "
                        + "translate the values, keep the keys.\n"
                        + new String(Theme.packaged("i18n/en.yaml").orElseThrow(), StandardCharsets.UTF_8));
            }
        }
        files.put(".gitignore", "# what casebook build writes\n/target/\n");
        files.put(".github/workflows/check.yml", fill(resource("check.yml"), pins));
        files.put(".github/workflows/pages.yml", fill(resource("pages.yml"), pins));
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                SafeFiles.create(root, root.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.UTF_8));
                cli.getOut().println("wrote " + file.getKey());
            }
        } catch (SafeFiles.UnsafePathException e) {
            cli.getErr().println("casebook init: " + Terminal.safe(e.getMessage()) + "; nothing more written");
            return Main.CONTENT_ERRORS;
        }
        if (version.endsWith("-SNAPSHOT") && pinnedVersion == null) {
            cli.getErr().println("casebook init: warning: " + version + " is a development build, not a release: "
                    + "the workflows will not find it; run init from a release jar, or pass --casebook-version and --pin-sha256");
        }
        cli.getErr().println("casebook init: next, `java -jar casebook.jar serve --site " + Terminal.safe(dir.toString())
                + "` to preview, and replace the example article with a real one");
        return Main.OK;
    }

    private List<Lang> languages(CommandLine cli) {
        List<Lang> out = new ArrayList<>();
        for (String code : languages) {
            String c = code.strip().toLowerCase(Locale.ROOT);
            if (!Lang.isValid(c)) {
                throw new CommandLine.ParameterException(cli, "`" + code + "` is not a language code; use codes like zh, en, pt-br");
            }
            if (!out.contains(new Lang(c))) {
                out.add(new Lang(c));
            }
        }
        if (out.isEmpty()) {
            throw new CommandLine.ParameterException(cli, "--languages needs at least one language");
        }
        return out;
    }

    /** What stands in {@code root}, if anything but a git folder does. */
    private static Optional<String> notEmpty(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("it is not a folder");
        }
        try (Stream<Path> entries = Files.list(root)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".git")).sorted().toList();
            return names.isEmpty() ? Optional.empty()
                    : Optional.of("it holds " + String.join(", ", names.subList(0, Math.min(3, names.size())))
                    + (names.size() > 3 ? ", …" : ""));
        }
    }

    private String siteConfig(List<Lang> langs) {
        StringBuilder y = new StringBuilder();
        y.append("# The site's configuration. Every key is optional; an unknown key is an error.\n");
        y.append("# Languages: the first is the default one (shown where an article is not translated yet).\n");
        y.append("# Each article is a folder with one file per language: index.<lang>.md.\n");
        y.append("languages: [").append(String.join(", ", langs.stream().map(Lang::code).toList())).append("]\n");
        y.append("# The site's name and what it is about: one text for every language, or one per language.\n");
        y.append("title:").append(perLanguage(langs, l -> title != null ? title : text(l, "排障手册", "Troubleshooting")));
        y.append("description:").append(perLanguage(langs, l -> text(l, "故障案例：症状、原因、解决方法与验证。",
                "Troubleshooting cases: symptoms, cause, fix and how to verify it.")));
        y.append("# Where the site is published. The Pages workflow passes it (--base-url); set it to build the\n");
        y.append("# published URLs locally:\n# base_url: https://your-org.github.io/your-kb/\n");
        y.append("# The repository's web address, for the \"edit this page\" link of every article:\n");
        y.append("# repository: https://github.com/your-org/your-kb\n");
        y.append("# The display name of each section (a folder of content/), per language:\n");
        y.append("sections:\n  ").append(SECTION).append(":").append(perLanguageInline(langs, l -> text(l, "入门", "Getting started")));
        y.append("# The display name of each product id that articles name in `products:`:\n");
        y.append("# products:\n#   docker: Docker\n");
        y.append("# What every published article must have; `casebook check` warns when one lacks it: front-matter\n");
        y.append("# facts by key (errors, tags, products, verified_with...), code (a code block) and source (a link\n");
        y.append("# to the issue thread or docs the article rests on):\n");
        y.append("require: [errors, source]\n");
        y.append("# Built-in rule packs that check the articles' config snippets at build time (casebook rules):\n");
        for (Catalog.Pack pack : Catalog.builtIn().packs()) {
            y.append(String.format(Locale.ROOT, "#   %-22s %s%n", pack.name(), pack.title().get("en")));
        }
        if (packs.isEmpty()) {
            y.append("# rule_packs: [docker]\n");
        } else {
            y.append("rule_packs: [").append(String.join(", ", packs)).append("]\n");
        }
        y.append("# JSON Schemas check any other YAML or JSON snippet (compose files get the Compose schema built in).\n");
        y.append("# Save one as content/_schemas/NAME.schema.json and pick it per block (```yaml schema=NAME) or by\n");
        y.append("# the file name a block gives (file=k8s/web.yaml):\n");
        y.append("# schemas:\n#   \"k8s/*.yaml\": kubernetes\n");
        return y.toString();
    }

    private static String text(Lang lang, String zh, String en) {
        return lang.code().equals("zh") || lang.code().startsWith("zh-") ? zh : en;
    }

    private static String perLanguage(List<Lang> langs, Function<Lang, String> text) {
        if (langs.size() == 1) {
            return " " + quoted(text.apply(langs.get(0))) + "\n";
        }
        StringBuilder out = new StringBuilder("\n");
        langs.forEach(l -> out.append("  ").append(l.code()).append(": ").append(quoted(text.apply(l))).append('\n'));
        return out.toString();
    }

    private static String perLanguageInline(List<Lang> langs, Function<Lang, String> text) {
        if (langs.size() == 1) {
            return " " + quoted(text.apply(langs.get(0))) + "\n";
        }
        return " {" + String.join(", ", langs.stream().map(l -> l.code() + ": " + quoted(text.apply(l))).toList()) + "}\n";
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The example article in {@code lang} (Chinese, or else English); the first language's file holds the facts. */
    private String article(Lang lang, boolean facts) {
        boolean zh = lang.code().equals("zh") || lang.code().startsWith("zh-");
        boolean checked = packs.contains("docker");
        String factLines = facts ? "tags: [example]\nerrors:\n  - \"Bind for 0.0.0.0:8080 failed: port is already allocated\"\n"
                + (checked ? Fact.HOST_OS.skeleton() : "") : "";
        return fill(resource(zh ? "article.zh.md" : "article.en.md"), Map.of(
                "@DATE@", (date != null ? date : LocalDate.now()).toString(),
                "@FACTS@", factLines,
                "@SECTION@", SECTION, "@SLUG@", SLUG,
                "@CHECK_NOTE@", checked ? "the site's rule pack `docker` checks it when the site is built, and the bar above "
                        + "the block says so." : "to have such blocks checked when the site is built, name a rule pack in "
                        + "`content/_site.yaml` (`casebook rules` lists them).",
                "@CHECK_NOTE_ZH@", checked ? "站点启用的规则包 `docker` 会在构建时检查它，代码块上方的标签会写明结果。"
                        : "要在构建时检查这类代码块，请在 `content/_site.yaml` 中启用规则包（`casebook rules` 列出所有规则包）。"));
    }

    private static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace(v.getKey(), v.getValue());
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = InitCommand.class.getClassLoader().getResourceAsStream("init/" + name)) {
            if (in == null) {
                throw new IllegalStateException("init/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-256 of the jar this Casebook runs from, when it runs from one. */
    private static Optional<String> ownSha256() throws IOException {
        Optional<Path> jar = Launcher.jar();
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return Optional.of(HexFormat.of().formatHex(digest.digest(Files.readAllBytes(jar.get()))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
