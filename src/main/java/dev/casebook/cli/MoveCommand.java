package dev.casebook.cli;

import dev.casebook.content.Article;
import dev.casebook.content.Link;
import dev.casebook.content.SiteContent;
import dev.casebook.content.Translation;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.SourcePos;
import dev.casebook.diag.Terminal;
import dev.casebook.load.ContentLoader;
import dev.casebook.parse.MarkdownParser;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.publish.SafeFiles;
import dev.casebook.render.PageKinds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code casebook move}: renames an article bundle in every language without breaking a link to
 * it. The old address becomes an alias (a redirect for readers who come from outside), and every
 * link to it from the other articles, and the moved article's own links to its neighbours, are
 * rewritten to the new place, anchors kept.
 */
@Command(name = "move", mixinStandardHelpOptions = true,
        description = {"Renames an article: moves content/FROM to content/TO in every language, records the old "
                + "address in its aliases (a redirect), and rewrites every link to it in the other articles."})
final class MoveCommand implements Callable<Integer> {

    /** A site URL of an article, root-relative: /zh/litellm/slug/… */
    private static final Pattern SITE_URL = Pattern.compile("/([a-z]{2,3}(?:-[a-z0-9]+)?)/([a-z0-9-]+)/([a-z0-9-]+)(/.*)?");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FROM", description = "The article as <section>/<slug>, e.g. litellm/old-name.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "Its new <section>/<slug>, e.g. litellm/new-name.")
    String to;

    @Option(names = "--site", paramLabel = "DIR", description = "Knowledge base folder, holding content/ (default: current folder).")
    Path site = Path.of(".");

    /** An article's place: its section and slug. */
    private record Place(String section, String slug) {
        String id() {
            return section + "/" + slug;
        }

        String folder() {
            return "content/" + id();
        }
    }

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        ContentLoader names = new ContentLoader(true, PageKinds.reservedSections());
        Place old = place(cli, names, from);
        Place now = place(cli, names, to);
        SiteOptions.requireSite(cli, site);
        if (old.equals(now)) {
            throw new CommandLine.ParameterException(cli, "FROM and TO are the same article");
        }
        Path oldDir = site.resolve(old.folder());
        Path newDir = site.resolve(now.folder());
        if (Files.exists(newDir, LinkOption.NOFOLLOW_LINKS)) {
            cli.getErr().println("casebook move: " + now.folder() + " exists; nothing moved");
            return Main.USAGE;
        }
        Outcome<SiteContent> loaded = new SiteBuild().source(new BuildOptions(site, site.resolve("target/site"), Optional.empty(),
                true, false));
        Optional<Article> article = loaded.value().article(old.id());
        if (article.isEmpty() || !Files.isDirectory(oldDir, LinkOption.NOFOLLOW_LINKS)) {
            cli.getErr().println("casebook move: no article at " + old.folder() + "; nothing moved");
            return Main.USAGE;
        }
        // every edit is worked out before anything moves
        MarkdownParser parser = new MarkdownParser();
        Map<String, String> titles = new LinkedHashMap<>();
        MarkdownParser.CALLOUTS.forEach(kind -> titles.put(kind, kind));
        Map<String, String> edited = new LinkedHashMap<>();
        int rewritten = 0;
        for (Article a : loaded.value().articles()) {
            boolean moving = a.id().equals(old.id());
            for (Translation t : a.translations()) {
                String text = Files.readString(site.resolve(t.path()), StandardCharsets.UTF_8);
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                int changed = 0;
                for (Link link : parser.parse(t, titles).links()) {
                    Optional<String> target = rewrite(link.target(), dirOf(t.path()), moving ? old.folder() : null,
                            moving ? now.folder() : dirOf(t.path()), old, now);
                    if (target.isPresent() && replaceAt(lines, link.pos(), link.target(), target.get())) {
                        changed++;
                    }
                }
                if (changed > 0) {
                    edited.put(t.path(), String.join("\n", lines));
                    rewritten += changed;
                }
            }
        }
        int files = edited.size();
        String factsFile = article.get().facts().written().values().stream().map(SourcePos::path).findFirst()
                .orElse(article.get().original().path());
        String withAlias = withAlias(edited.getOrDefault(factsFile, Files.readString(site.resolve(factsFile), StandardCharsets.UTF_8)),
                old.id(), article.get().facts().aliases().contains(old.id()));
        edited.put(factsFile, withAlias);

        SafeFiles.createFolders(site, newDir.getParent());
        SafeFiles.requireNoLinks(site, oldDir);
        Files.move(oldDir, newDir, StandardCopyOption.ATOMIC_MOVE);
        for (Map.Entry<String, String> file : edited.entrySet()) {
            String path = file.getKey().startsWith(old.folder() + "/")
                    ? now.folder() + file.getKey().substring(old.folder().length()) : file.getKey();
            SafeFiles.replace(site, site.resolve(path), file.getValue().getBytes(StandardCharsets.UTF_8));
        }
        cli.getOut().println("moved " + old.folder() + " to " + now.folder() + "; `" + old.id() + "` is an alias now; "
                + rewritten + " link" + (rewritten == 1 ? "" : "s") + " rewritten in " + files + " file" + (files == 1 ? "" : "s"));
        cli.getErr().println("casebook move: run `casebook check --strict` to see the site as it is now");
        return Main.OK;
    }

    private static Place place(CommandLine cli, ContentLoader names, String where) {
        String[] parts = where.replaceAll("^/+|/+$", "").replaceFirst("^content/", "").split("/");
        if (parts.length != 2) {
            throw new CommandLine.ParameterException(cli, "give an article as <section>/<slug>, not " + Terminal.safe(where));
        }
        names.nameProblem(parts[0], true).or(() -> names.nameProblem(parts[1], false)).ifPresent(p -> {
            throw new CommandLine.ParameterException(cli, p);
        });
        return new Place(parts[0], parts[1]);
    }

    private static String dirOf(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    /**
     * The new form of a link written in a file of {@code dir} (now in {@code newDir}), if it must
     * change: a relative link into the old bundle points into the new one; a link of the moved
     * article to anything outside its own bundle is made relative to its new folder; a site URL of
     * the old article ({@code /en/old/slug/}) names the new one. Fragments and queries are kept.
     */
    static Optional<String> rewrite(String target, String dir, String movingFrom, String newDir, Place old, Place now) {
        int cut = firstOf(target, '#', '?');
        String path = target.substring(0, cut);
        String rest = target.substring(cut);
        if (path.isEmpty() || path.contains(":")) {
            return Optional.empty(); // same-page anchors, other schemes
        }
        if (path.startsWith("/")) {
            Matcher m = SITE_URL.matcher(path);
            if (m.matches() && m.group(2).equals(old.section()) && m.group(3).equals(old.slug())) {
                return Optional.of("/" + m.group(1) + "/" + now.section() + "/" + now.slug() + (m.group(4) == null ? "" : m.group(4)) + rest);
            }
            return Optional.empty();
        }
        String absolute = normalize(dir + "/" + path);
        if (absolute == null) {
            return Optional.empty();
        }
        boolean intoOld = absolute.equals(old.folder()) || absolute.startsWith(old.folder() + "/");
        if (movingFrom == null && !intoOld) {
            return Optional.empty();
        }
        if (movingFrom != null && intoOld && !path.startsWith("..")) {
            return Optional.empty(); // a file of its own bundle, written relative to it: it moves along
        }
        String resolved = intoOld ? now.folder() + absolute.substring(old.folder().length()) : absolute;
        String relative = relative(newDir, resolved) + (path.endsWith("/") && !resolved.endsWith("/") ? "/" : "");
        return relative.equals(path) ? Optional.empty() : Optional.of(relative + rest);
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        int first = i < 0 ? j : j < 0 ? i : Math.min(i, j);
        return first < 0 ? s.length() : first;
    }

    /** {@code a/b/../c} → {@code a/c}; null when the path climbs out of the site. */
    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    /** The path from folder {@code dir} to {@code target}, both relative to the site. */
    private static String relative(String dir, String target) {
        String[] from = dir.split("/");
        String[] into = target.split("/");
        int common = 0;
        while (common < from.length && common < into.length && from[common].equals(into[common])) {
            common++;
        }
        StringBuilder out = new StringBuilder();
        for (int i = common; i < from.length; i++) {
            out.append("../");
        }
        for (int i = common; i < into.length; i++) {
            out.append(into[i]).append(i + 1 < into.length ? "/" : "");
        }
        String result = out.toString();
        return result.isEmpty() ? "./" : result;
    }

    /** Replaces {@code old} by {@code now} where the link was written: at its position, else once on its line. */
    private static boolean replaceAt(List<String> lines, SourcePos pos, String old, String now) {
        int index = pos.line() - 1;
        if (index < 0 || index >= lines.size()) {
            return false;
        }
        String line = lines.get(index);
        int at = line.indexOf(old, Math.max(0, Math.min(line.length(), pos.column() - 1) - 1));
        if (at < 0) {
            at = line.indexOf(old);
        }
        if (at < 0) {
            return false;
        }
        lines.set(index, line.substring(0, at) + now + line.substring(at + old.length()));
        return true;
    }

    /** The front matter of {@code text} with {@code alias} added to {@code aliases:} (written as a flow list or a block list), or the key added. */
    static String withAlias(String text, String alias, boolean present) {
        if (present) {
            return text;
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int end = 1;
        while (end < lines.size() && !lines.get(end).equals("---") && !lines.get(end).equals("...")) {
            end++;
        }
        for (int i = 1; i < end; i++) {
            String line = lines.get(i);
            if (!line.startsWith("aliases:")) {
                continue;
            }
            String value = line.substring("aliases:".length()).strip();
            if (value.startsWith("[") && value.endsWith("]")) {
                String inner = value.substring(1, value.length() - 1).strip();
                lines.set(i, "aliases: [" + (inner.isEmpty() ? "" : inner + ", ") + alias + "]");
            } else if (value.isEmpty()) {
                int last = i;
                while (last + 1 < end && lines.get(last + 1).startsWith("  -")) {
                    last++;
                }
                lines.add(last + 1, "  - " + alias);
            } else {
                lines.set(i, "aliases: [" + value + ", " + alias + "]");
            }
            return String.join("\n", lines);
        }
        lines.add(end, "aliases: [" + alias + "]");
        return String.join("\n", lines);
    }
}
