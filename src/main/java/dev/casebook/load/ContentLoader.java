package dev.casebook.load;

import dev.casebook.content.Article;
import dev.casebook.content.Facts;
import dev.casebook.content.Lang;
import dev.casebook.content.Provenance;
import dev.casebook.content.SiteConfig;
import dev.casebook.content.SiteContent;
import dev.casebook.content.Translation;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.SourcePos;
import dev.casebook.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The load stage: reads {@code content/} of a site folder into a {@link SiteContent}. Bundles and files
 * are visited in sorted order, so the result does not depend on the file system.
 *
 * <p>Diagnostic ids: {@code layout} (a file where no article can be), {@code encoding},
 * {@code front-matter-*} (see {@link FrontMatterReader}), {@code front-matter-conflict} (two
 * translations disagree on a language-neutral fact), {@code config-*} for {@code _site.yaml}.
 */
public final class ContentLoader {

    private static final Pattern INDEX = Pattern.compile("index\\.([^.]+)\\.md");

    private final YamlReader yaml = new YamlReader();
    private final boolean includeDrafts;
    /** what a section or article folder may be named (the renderer's page kinds say which sections are taken) */
    private final BundleNames names;

    public ContentLoader(boolean includeDrafts, Set<String> reservedSections) {
        this.includeDrafts = includeDrafts;
        this.names = new BundleNames(reservedSections);
    }

    public Outcome<SiteContent> load(Path site) {
        return load(site, new BundleCache(), Set.of());
    }

    /**
     * What the loader keeps between two builds of a running {@code casebook serve}: the site
     * config and, per bundle folder, the article read from it and its diagnostics. Owned by one
     * caller; not shared between threads.
     */
    public static final class BundleCache {
        private Optional<Set<String>> changed = Optional.empty();
        private SiteConfig config;
        private List<Diagnostic> siteDiagnostics = List.of();
        /** the day of each content file's last commit, read with the last full load */
        private Map<String, LocalDate> committed = Map.of();
        private final TreeMap<BundleKey, Bundle> bundles = new TreeMap<>();

        /** Forgets everything, so that the next load reads every file. */
        public void reset() {
            config = null;
            bundles.clear();
            changed = Optional.empty();
        }

        /**
         * Lets the Markdown go once it is parsed: the articles kept for the next load no longer
         * hold their bodies (a body is read again when its file changes). An article is replaced by
         * the one of {@code bodiless} from the same folder, so the next load gives the build the
         * very objects it went on with, and what compares articles by identity (the preview's
         * caches) sees the unchanged ones as unchanged. Only the bundles read since the last call
         * have bodies; the others stay as they are.
         */
        public void dropBodies(SiteContent bodiless) {
            Map<BundleKey, Bundle> withBodies = new HashMap<>();
            bundles.forEach((key, b) -> {
                if (b.article().filter(Article::hasBodies).isPresent()) {
                    withBodies.put(key, b);
                }
            });
            for (Article a : withBodies.isEmpty() ? List.<Article>of() : bodiless.articles()) {
                BundleKey key = new BundleKey(a.section(), a.slug());
                Bundle b = withBodies.get(key);
                if (b != null && !a.hasBodies()) {
                    withBodies.remove(key);
                    bundles.put(key, new Bundle(Optional.of(a), b.languages(), b.diagnostics()));
                }
            }
            // a bundle whose article the site did not take: its bodies go all the same
            withBodies.forEach((key, b) -> bundles.put(key, new Bundle(b.article().map(Article::withoutBodies),
                    b.languages(), b.diagnostics())));
        }

        /**
         * The articles ({@code section/slug}) the last load read again, including ones that are
         * gone; empty when it read everything.
         */
        public Optional<Set<String>> changedArticles() {
            return changed;
        }
    }

    /** A folder {@code content/<section>/<slug>}, in the order a full scan visits them. */
    private record BundleKey(String section, String slug) implements Comparable<BundleKey> {
        @Override
        public int compareTo(BundleKey o) {
            int bySection = section.compareTo(o.section);
            return bySection != 0 ? bySection : slug.compareTo(o.slug);
        }
    }

    /** What one bundle folder gave: its article, if it is one, and the problems found in it. */
    private record Bundle(Optional<Article> article, Set<String> languages, List<Diagnostic> diagnostics) {
    }

    /**
     * Reads {@code content/}, re-reading only the bundle folders that hold one of {@code changed}
     * when {@code memory} has the rest from an earlier call; an empty {@code changed} (or a change
     * to the site config, a section folder or a new language) reads everything. Both ways give
     * the same result for the same files.
     */
    public Outcome<SiteContent> load(Path site, BundleCache memory, Set<Path> changed) {
        Path content = site.resolve("content");
        if (!Files.isDirectory(content, LinkOption.NOFOLLOW_LINKS)) {
            memory.config = null;
            return Outcome.of(new SiteContent(SiteConfigReader.defaults(List.of(new Lang("en"))), List.of()),
                    List.of(Diagnostic.error("config-no-content", SourcePos.file("content"),
                            "no content/ folder in " + site.toAbsolutePath().normalize(),
                            "run casebook in the knowledge base's root, or pass --site DIR")));
        }
        Optional<Set<BundleKey>> keys = bundleKeys(content, changed);
        if (memory.config != null && keys.isPresent() && update(content, memory, keys.get())) {
            memory.changed = Optional.of(keys.get().stream().map(k -> k.section() + "/" + k.slug())
                    .collect(Collectors.toUnmodifiableSet()));
        } else {
            loadAll(content, memory);
            memory.changed = Optional.empty();
        }
        List<Diagnostic> diagnostics = new ArrayList<>(memory.siteDiagnostics);
        List<Article> articles = new ArrayList<>();
        for (Bundle bundle : memory.bundles.values()) {
            diagnostics.addAll(bundle.diagnostics());
            bundle.article().ifPresent(articles::add);
        }
        return Outcome.of(new SiteContent(memory.config, articles), diagnostics);
    }

    /** The bundle folders {@code changed} touches; empty when a change reaches beyond bundles. */
    private static Optional<Set<BundleKey>> bundleKeys(Path content, Set<Path> changed) {
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        Set<BundleKey> keys = new TreeSet<>();
        Path root = content.toAbsolutePath().normalize();
        for (Path p : changed) {
            Path abs = p.toAbsolutePath().normalize();
            if (!abs.startsWith(root)) {
                continue; // templates, rules: not the loader's
            }
            Path rel = root.relativize(abs);
            if (rel.getNameCount() < 2 || rel.getName(0).toString().startsWith("_")) {
                return Optional.empty(); // the site config, a section folder, a file beside them, the site's data (_search/)
            }
            keys.add(new BundleKey(rel.getName(0).toString(), rel.getName(1).toString()));
        }
        return Optional.of(keys);
    }

    private void loadAll(Path content, BundleCache memory) {
        List<Diagnostic> siteDiagnostics = new ArrayList<>();
        List<BundleKey> keys = scan(content, siteDiagnostics);
        // bundles are listed and read in parallel, each into results of its own, then kept in key order
        record Found(Optional<BundleDir> dir, List<Diagnostic> diagnostics) {
        }
        List<Found> found = keys.parallelStream().map(key -> {
            List<Diagnostic> d = new ArrayList<>();
            return new Found(scanBundle(content, key, d), d);
        }).toList();
        Map<BundleKey, BundleDir> dirs = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            BundleKey key = keys.get(i);
            found.get(i).dir().ifPresent(dir -> dirs.put(key, dir));
        }
        SiteConfig read = new SiteConfigReader(yaml).readFile(content, discoverLanguages(dirs.values()), siteDiagnostics);
        SiteConfig config = read.withSynonyms(Synonyms.read(content, yaml, siteDiagnostics))
                .withSchemas(read.schemas().withFiles(SchemaFiles.read(content, siteDiagnostics)));
        GitDates.Found dates = GitDates.read(content.toAbsolutePath().normalize().getParent());
        dates.note().ifPresent(siteDiagnostics::add);
        memory.config = config;
        memory.committed = dates.days();
        memory.siteDiagnostics = List.copyOf(siteDiagnostics);
        Map<String, LocalDate> committed = memory.committed;
        List<Bundle> bundles = found.parallelStream().map(f -> {
            List<Diagnostic> d = new ArrayList<>(f.diagnostics());
            Optional<Article> article = f.dir().flatMap(dir -> readBundle(dir, config, committed, d));
            return new Bundle(article, f.dir().map(dir -> dir.indexes().keySet()).orElse(Set.of()), List.copyOf(d));
        }).toList();
        memory.bundles.clear();
        for (int i = 0; i < keys.size(); i++) {
            memory.bundles.put(keys.get(i), bundles.get(i));
        }
    }

    /** Re-reads the bundles of {@code keys}; false when the change needs a full read instead. */
    private boolean update(Path content, BundleCache memory, Set<BundleKey> keys) {
        boolean discovered = !Files.isRegularFile(content.resolve("_site.yaml"));
        for (BundleKey key : keys) {
            if (isIgnored(key.section()) || !Files.isDirectory(content.resolve(key.section()), LinkOption.NOFOLLOW_LINKS)
                    || nameProblem(key.section(), true).isPresent()) {
                return false; // a section folder appeared, went or is misnamed: its diagnostics are the site's
            }
            List<Diagnostic> d = new ArrayList<>();
            Optional<BundleDir> dir = scanBundle(content, key, d);
            Set<String> languages = dir.map(b -> b.indexes().keySet()).orElse(Set.of());
            Set<String> before = memory.bundles.containsKey(key) ? memory.bundles.get(key).languages() : Set.of();
            if (discovered && !languages.equals(before)) {
                return false; // the site's languages come from the files: they may have changed
            }
            Optional<Article> article = dir.flatMap(b -> readBundle(b, memory.config, memory.committed, d));
            if (dir.isEmpty() && d.isEmpty()) {
                memory.bundles.remove(key);
            } else {
                memory.bundles.put(key, new Bundle(article, languages, List.copyOf(d)));
            }
        }
        return true;
    }

    /** A bundle folder as found on disk: its index files by language code, and its other files. */
    private record BundleDir(String section, String slug, Path dir, Map<String, Path> indexes, List<String> resources) {
        String relative() {
            return "content/" + section + "/" + slug;
        }
    }

    /** The candidate bundle folders (and files) of every section, in order; section problems go to {@code diagnostics}. */
    private List<BundleKey> scan(Path content, List<Diagnostic> diagnostics) {
        List<BundleKey> keys = new ArrayList<>();
        for (Path sectionDir : list(content)) {
            String section = name(sectionDir);
            if (Files.isSymbolicLink(sectionDir) && !section.equals("_site.yaml")) { // _site.yaml has its own error
                diagnostics.add(linkRefused("content/" + section, MOVE_FOLDER_HERE));
                continue;
            }
            if (isIgnored(section)) {
                continue;
            }
            if (!Files.isDirectory(sectionDir, LinkOption.NOFOLLOW_LINKS)) {
                if (section.endsWith(".md")) {
                    diagnostics.add(Diagnostic.error("layout", SourcePos.file("content/" + section),
                            "Markdown file outside an article bundle",
                            "articles live in content/<section>/<slug>/index.<lang>.md"));
                }
                continue;
            }
            if (!checkName(section, "content/" + section, "section", diagnostics)) {
                continue;
            }
            for (Path bundleDir : list(sectionDir)) {
                if (!isIgnored(name(bundleDir)) || Files.isSymbolicLink(bundleDir)) {
                    keys.add(new BundleKey(section, name(bundleDir)));
                }
            }
        }
        return keys;
    }

    /** One entry of a section folder: the bundle it is, if it is one; its problems go to {@code diagnostics}. */
    private Optional<BundleDir> scanBundle(Path content, BundleKey key, List<Diagnostic> diagnostics) {
        String section = key.section();
        String slug = key.slug();
        Path bundleDir = content.resolve(section).resolve(slug);
        String rel = "content/" + section + "/" + slug;
        if (Files.isSymbolicLink(bundleDir)) {
            diagnostics.add(linkRefused(rel, MOVE_FOLDER_HERE));
            return Optional.empty();
        }
        if (isIgnored(slug) || !Files.exists(bundleDir, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isDirectory(bundleDir, LinkOption.NOFOLLOW_LINKS)) {
            if (slug.endsWith(".md")) {
                diagnostics.add(Diagnostic.error("layout", SourcePos.file(rel),
                        "Markdown file outside an article bundle",
                        "move it to content/" + section + "/" + slug.replaceFirst("\\.md$", "")
                                + "/index.en.md (one folder per article, one file per language)"));
            }
            return Optional.empty();
        }
        if (!checkName(slug, rel, "article folder", diagnostics)) {
            return Optional.empty();
        }
        Map<String, Path> indexes = new TreeMap<>();
        List<String> resources = new ArrayList<>();
        collect(bundleDir, bundleDir, indexes, resources, rel, diagnostics);
        if (indexes.isEmpty()) {
            if (resources.isEmpty()) {
                return Optional.empty(); // an empty folder, such as one just made for an article: nothing to say yet
            }
            diagnostics.add(Diagnostic.warning("layout", SourcePos.file(rel),
                    "folder has no index.<lang>.md, so it is not an article",
                    "add index.en.md or index.zh.md, or move the folder out of content/"));
            return Optional.empty();
        }
        return Optional.of(new BundleDir(section, slug, bundleDir, indexes, resources));
    }

    private static final String MOVE_FOLDER_HERE = "content is read only from inside content/: move the folder here instead of linking to it";

    /**
     * Content is read only from inside content/, and never through a link: a pull request can plant
     * one (git stores links), and a tool that later writes beside it would write where it points.
     */
    private static Diagnostic linkRefused(String path, String hint) {
        return Diagnostic.error("layout", SourcePos.file(path), "symbolic link in content/, which Casebook never follows", hint);
    }

    private void collect(Path root, Path dir, Map<String, Path> indexes, List<String> resources,
                         String rel, List<Diagnostic> diagnostics) {
        for (Path p : list(dir)) {
            String name = name(p);
            String relative = root.relativize(p).toString().replace('\\', '/');
            if (name.startsWith(".") && !Files.isSymbolicLink(p)) {
                continue;
            }
            if (Files.isSymbolicLink(p)) {
                diagnostics.add(linkRefused(rel + "/" + relative, "copy the file into the bundle instead of linking to it"));
            } else if (Files.isDirectory(p)) {
                collect(root, p, indexes, resources, rel, diagnostics);
            } else if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                // a FIFO, a socket or a device: reading or copying it would block the build
                diagnostics.add(Diagnostic.error("layout", SourcePos.file(rel + "/" + relative), "not a regular file",
                        "a bundle holds plain files and folders; remove this one"));
            } else if (dir.equals(root) && name.equals("index.md")) {
                diagnostics.add(Diagnostic.error("layout", SourcePos.file(rel + "/index.md"),
                        "index.md does not say its language",
                        "rename it to index.en.md or index.zh.md"));
            } else if (dir.equals(root) && INDEX.matcher(name).matches()) {
                Matcher m = INDEX.matcher(name);
                m.matches();
                indexes.put(m.group(1), p);
            } else {
                resources.add(relative);
            }
        }
    }

    /** Why {@code name} cannot be a section ({@code section} true) or article folder, if it cannot. */
    public Optional<String> nameProblem(String name, boolean section) {
        return names.problem(name, section);
    }

    private boolean checkName(String name, String rel, String what, List<Diagnostic> diagnostics) {
        return names.check(name, rel, what, diagnostics);
    }

    private static List<Lang> discoverLanguages(Collection<BundleDir> bundles) {
        TreeSet<String> codes = new TreeSet<>();
        bundles.forEach(b -> b.indexes().keySet().stream().filter(Lang::isValid).forEach(codes::add));
        List<Lang> langs = new ArrayList<>();
        if (codes.remove("en") || codes.isEmpty()) {
            langs.add(new Lang("en"));
        }
        codes.forEach(c -> langs.add(new Lang(c)));
        return langs;
    }

    /**
     * @param committed the day of each file's last commit: a translation without {@code updated:}
     *                  was last changed then, when that is after its {@code date}
     */
    private Optional<Article> readBundle(BundleDir bundle, SiteConfig config, Map<String, LocalDate> committed,
                                         List<Diagnostic> diagnostics) {
        Map<Lang, Translation> translations = new LinkedHashMap<>();
        Map<Lang, FrontMatter> frontMatters = new LinkedHashMap<>();
        for (Map.Entry<String, Path> index : bundle.indexes().entrySet()) {
            String path = bundle.relative() + "/index." + index.getKey() + ".md";
            if (!Lang.isValid(index.getKey()) || !config.languages().contains(new Lang(index.getKey()))) {
                diagnostics.add(Diagnostic.error("layout", SourcePos.file(path),
                        "`" + index.getKey() + "` is not one of the site's languages " + config.languages(),
                        "name the file index.<lang>.md with a language from content/_site.yaml"));
            }
        }
        for (Lang lang : config.languages()) {
            Path file = bundle.indexes().get(lang.code());
            if (file == null) {
                continue;
            }
            String path = bundle.relative() + "/index." + lang.code() + ".md";
            Optional<String> text = ContentText.read(file, path, diagnostics, "encoding");
            if (text.isEmpty()) {
                continue;
            }
            Optional<FrontMatterReader.Split> split = FrontMatterReader.split(text.get());
            if (split.isEmpty()) {
                diagnostics.add(Diagnostic.error("front-matter-missing", SourcePos.file(path),
                        "file does not start with YAML front matter between --- lines",
                        "start with ---, then title:, summary: and date: lines, then ---"));
                continue;
            }
            Outcome<FrontMatter> fm = new FrontMatterReader(yaml).read(split.get().yaml(), path);
            diagnostics.addAll(fm.diagnostics());
            FrontMatter front = fm.value();
            diagnostics.addAll(Placeholders.find(text.get(), path, front.draft()));
            frontMatters.put(lang, front);
            if (front.draft() && !includeDrafts) {
                continue;
            }
            // A broken front matter is an error, so the site is not written; the body is still
            // read, so its links, anchors and snippets are checked in the same run. Stand-ins
            // take the place of the values that could not be read.
            LocalDate date = front.date().orElse(LocalDate.EPOCH);
            Optional<LocalDate> updated = front.updated().or(() -> Optional.ofNullable(committed.get(path)).filter(date::isBefore));
            translations.put(lang, new Translation(lang, path, front.title().orElse(bundle.slug()),
                    front.summary().orElse(""), date, updated, front.draft(),
                    split.get().body(), split.get().bodyLine(), "", front.translatedFrom()));
        }
        Facts facts = mergeFacts(frontMatters, bundle, diagnostics);
        if (translations.isEmpty()) {
            return Optional.empty();
        }
        Requirements.check(config, facts, translations.values().stream().filter(t -> !t.draft()).toList(), diagnostics);
        // revisions are needed only where a translation records what it was made from
        if (translations.values().stream().anyMatch(t -> t.translatedFrom().isPresent())) {
            translations.replaceAll((lang, t) -> new Translation(t.lang(), t.path(), t.title(), t.summary(), t.date(),
                    t.updated(), t.draft(), t.body(), t.bodyLine(), Provenance.revision(t.body()), t.translatedFrom()));
        }
        return Optional.of(new Article(bundle.section(), bundle.slug(), facts,
                new ArrayList<>(translations.values()), bundle.resources()));
    }

    // Language-neutral facts may be written in any one translation; where two write the same key,
    // the values must agree, or the article would say different things in different languages.
    private static Facts mergeFacts(Map<Lang, FrontMatter> frontMatters, BundleDir bundle, List<Diagnostic> diagnostics) {
        Map<String, FrontMatter.Written> chosen = new TreeMap<>();
        Set<String> unreadable = new TreeSet<>();
        frontMatters.values().forEach(f -> unreadable.addAll(f.unreadableFacts()));
        Map<String, Lang> chosenFrom = new TreeMap<>();
        for (Map.Entry<Lang, FrontMatter> entry : frontMatters.entrySet()) {
            for (Map.Entry<String, FrontMatter.Written> fact : entry.getValue().facts().entrySet()) {
                FrontMatter.Written first = chosen.putIfAbsent(fact.getKey(), fact.getValue());
                if (first == null) {
                    chosenFrom.put(fact.getKey(), entry.getKey());
                } else if (!Objects.equals(first.value(), fact.getValue().value())) {
                    diagnostics.add(Diagnostic.error("front-matter-conflict", fact.getValue().pos(),
                            "`" + fact.getKey() + "` differs from " + first.pos() + " (" + chosenFrom.get(fact.getKey()) + ")",
                            "tags, products, errors, verified_with and the environment keys hold for every language: write them once, or the same in each file"));
                }
            }
        }
        Map<String, Object> values = new TreeMap<>();
        Map<String, SourcePos> where = new TreeMap<>();
        chosen.forEach((key, written) -> {
            values.put(key, written.value());
            where.put(key, written.pos());
        });
        return new Facts(values, unreadable, where);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted((a, b) -> name(a).compareTo(name(b))).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    private static boolean isIgnored(String name) {
        return name.startsWith("_") || name.startsWith(".");
    }
}
