package dev.casebook.load;

import dev.casebook.content.Fact;
import dev.casebook.content.Provenance;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.SourcePos;
import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlReader;
import dev.casebook.yaml.YamlScalar;
import dev.casebook.yaml.YamlSequence;
import dev.casebook.yaml.YamlStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Splits a Markdown file into front matter and body and reads the front matter strictly: known
 * keys only, no duplicates, typed values, every problem positioned in the file.
 *
 * <p>Diagnostic ids: {@code front-matter-missing}, {@code front-matter-unknown-key},
 * {@code front-matter-duplicate-key}, {@code front-matter-type}, {@code front-matter-date},
 * {@code front-matter-empty}, {@code front-matter-tag}, {@code front-matter-product}, {@code front-matter-value}, plus the YAML
 * reader's ids.
 */
final class FrontMatterReader {

    /** Keys written per language. */
    static final Set<String> PER_LANGUAGE = Set.of("title", "summary", "date", "updated", "draft", "translated_from");
    /** Keys that state language-neutral facts, written once in either file: the names of {@link Fact#ALL}. */
    static final Set<String> FACTS = Fact.ALL.stream().map(Fact::name).collect(Collectors.toUnmodifiableSet());
    static final Set<String> KNOWN = union(PER_LANGUAGE, FACTS);

    private static final Pattern TAG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** a site path of ASCII letters, digits and {@code -._~/}, from the site root */
    private static final Pattern ALIAS_PATH = Pattern.compile("/([A-Za-z0-9._~-]+/)*[A-Za-z0-9._~-]*");
    private static final Pattern ALIAS_BUNDLE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*");

    private final YamlReader yaml;

    FrontMatterReader(YamlReader yaml) {
        this.yaml = yaml;
    }

    /** A file split at its front matter. {@code bodyLine} counts the lines before the body. */
    record Split(String yaml, String body, int bodyLine) {
    }

    /** Splits {@code text} (line endings already normalized to LF), or reports why it cannot. */
    static Optional<Split> split(String text) {
        if (!text.startsWith("---\n")) {
            return Optional.empty();
        }
        int lineStart = 4;
        int line = 1;
        while (lineStart <= text.length()) {
            int end = text.indexOf('\n', lineStart);
            String current = end < 0 ? text.substring(lineStart) : text.substring(lineStart, end);
            line++;
            if (current.equals("---") || current.equals("...")) {
                String body = end < 0 ? "" : text.substring(end + 1);
                return Optional.of(new Split(text.substring(4, lineStart), body, line));
            }
            if (end < 0) {
                break;
            }
            lineStart = end + 1;
        }
        return Optional.empty();
    }

    Outcome<FrontMatter> read(String yamlText, String path) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        YamlStream stream = yaml.read(yamlText, path, 1, 0);
        diagnostics.addAll(stream.diagnostics());
        Optional<YamlNode> root = stream.hasErrors() ? Optional.empty() : stream.single();
        if (stream.hasErrors()) {
            return Outcome.of(unreadable(yamlText), diagnostics);
        }
        if (root.isEmpty() || !(root.get() instanceof YamlMapping map)) {
            diagnostics.add(Diagnostic.error("front-matter-type", new SourcePos(path, 1, 1),
                    "front matter must be a mapping of keys to values",
                    "start the file with ---, then `title:`, `summary:` and `date:` lines, then ---"));
            return Outcome.of(unreadable(yamlText), diagnostics);
        }
        YamlFields fields = new YamlFields("front-matter-", diagnostics);
        fields.checkKeys(map, KNOWN, "front matter");
        cutByComments(map, yamlText.split("\n", -1), diagnostics);

        Optional<String> title = Optional.empty();
        Optional<String> summary = Optional.empty();
        Optional<LocalDate> date = Optional.empty();
        Optional<LocalDate> updated = Optional.empty();
        boolean draft = false;
        Optional<Provenance> translatedFrom = Optional.empty();
        Map<String, FrontMatter.Written> facts = new LinkedHashMap<>();
        for (YamlMapping.Entry e : map.effective()) {
            switch (e.name()) {
                case "title" -> title = fields.nonEmptyString(e);
                case "summary" -> summary = fields.nonEmptyString(e);
                case "date" -> date = fields.date(e);
                case "updated" -> updated = fields.date(e);
                case "draft" -> draft = fields.bool(e).orElse(false);
                case "translated_from" -> translatedFrom = fields.string(e).flatMap(v -> {
                    Optional<Provenance> p = Provenance.parse(v, e.value().pos());
                    if (p.isEmpty()) {
                        fields.error("value", e.value(), "`translated_from` must be <language>@<revision> like zh@3f9c2a1b7d40, not `" + v + "`",
                                "let casebook write it: casebook translations --stamp " + path);
                    }
                    return p;
                });
                default -> Fact.named(e.name()).flatMap(fact -> value(fact, e, fields))
                        .ifPresent(v -> facts.put(e.name(), new FrontMatter.Written(v, e.key().pos())));
                // (unknown keys were reported by checkKeys)
            }
        }
        SourcePos top = new SourcePos(path, 1, 1);
        requireKey(map, "title", top, diagnostics);
        requireKey(map, "summary", top, diagnostics);
        requireKey(map, "date", top, diagnostics);
        if (date.isPresent() && updated.isPresent() && updated.get().isBefore(date.get())) {
            diagnostics.add(Diagnostic.error("front-matter-date", map.entry("updated").orElseThrow().value().pos(),
                    "`updated` (" + updated.get() + ") is before `date` (" + date.get() + ")",
                    "`date` is when the article was published, `updated` the last real change"));
        }
        // a fact written but not read (wrong type, bad value) is unknown, not absent: checks that
        // depend on it must not assume the default
        Set<String> unreadable = new TreeSet<>();
        for (YamlMapping.Entry e : map.effective()) {
            if (FACTS.contains(e.name()) && !facts.containsKey(e.name())) {
                unreadable.add(e.name());
            }
        }
        return Outcome.of(new FrontMatter(title, summary, date, updated, draft, translatedFrom, facts, unreadable), diagnostics);
    }

    /**
     * Warns where an unquoted one-line text value is followed by {@code  #}: YAML reads the rest
     * of the line as a comment, so {@code title: the # sign} is published as "the". Dates,
     * numbers and booleans may carry a comment; only text is cut silently.
     */
    private static void cutByComments(YamlNode node, String[] lines, List<Diagnostic> diagnostics) {
        if (node instanceof YamlMapping m) {
            m.effective().forEach(e -> cutByComments(e.value(), lines, diagnostics));
        } else if (node instanceof YamlSequence seq) {
            seq.items().forEach(item -> cutByComments(item, lines, diagnostics));
        } else if (node instanceof YamlScalar s && !s.quoted() && s.type() == YamlScalar.Type.STRING
                && s.text().indexOf('\n') < 0) {
            int index = s.pos().line() - 2; // the front matter starts on line 2 of the file
            if (index < 0 || index >= lines.length) {
                return;
            }
            String line = lines[index];
            int start;
            try {
                start = line.offsetByCodePoints(0, s.pos().column() - 1);
            } catch (IndexOutOfBoundsException e) {
                return;
            }
            if (!line.startsWith(s.text(), start)) {
                return;
            }
            int after = start + s.text().length();
            int hash = after;
            while (hash < line.length() && (line.charAt(hash) == ' ' || line.charAt(hash) == '\t')) {
                hash++;
            }
            if (hash > after && hash < line.length() && line.charAt(hash) == '#') {
                String full = line.substring(start).strip();
                diagnostics.add(Diagnostic.warning("front-matter-comment",
                        new SourcePos(s.pos().path(), s.pos().line(), line.codePointCount(0, hash) + 1),
                        "` #` starts a YAML comment, so the value ends before it: `" + s.text() + "`",
                        "quote the value to keep the rest: \"" + full.replace("\\", "\\\\").replace("\"", "\\\"")
                                + "\", or put the comment on its own line"));
            }
        }
    }

    /** Tags and products name URLs ({@code /en/tags/<tag>/}, {@code /en/products/<product>/}): kebab-case ids only. */
    /** The value of a language-neutral fact, read as its shape says, or empty with the problem reported. */
    private static Optional<Object> value(Fact<?> fact, YamlMapping.Entry e, YamlFields fields) {
        return switch (fact.shape()) {
            case TEXT_LIST -> fields.strings(e).map(v -> v);
            case ID_LIST -> fields.strings(e).filter(ids -> validIds(fact, ids, e, fields)).map(v -> v);
            case VERSION_MAP -> fields.mapping(e).flatMap(m -> versions(m, fields)).map(v -> v);
            case CHOICE -> fields.oneOf(e, fact.choices()).map(v -> v);
            case ALIAS_LIST -> fields.strings(e).filter(aliases -> validAliases(fact, aliases, e, fields)).map(v -> v);
            case VERSION -> fields.string(e).filter(v -> {
                if (Fact.RELEASE.matcher(v).matches()) {
                    return true;
                }
                fields.error("value", e.value(), "`" + fact.name() + "` must be a release number like 0.29.0, not `" + v + "`",
                        fact.hint());
                return false;
            }).map(v -> v);
        };
    }

    /** An alias is a site path ({@code /en/litellm/old-name/}) or {@code section/slug}; nothing that could leave the site. */
    private static boolean validAliases(Fact<?> fact, List<String> aliases, YamlMapping.Entry e, YamlFields fields) {
        boolean ok = true;
        for (String alias : aliases) {
            boolean path = ALIAS_PATH.matcher(alias).matches() && !List.of(alias.split("/")).contains("..");
            boolean bundle = ALIAS_BUNDLE.matcher(alias).matches();
            if (!path && !bundle) {
                fields.error("value", e.value(), "alias `" + alias + "` is neither a site path like /en/litellm/old-name/ "
                        + "nor section/slug", fact.hint());
                ok = false;
            }
        }
        return ok;
    }

    private static boolean validIds(Fact<?> fact, List<String> ids, YamlMapping.Entry e, YamlFields fields) {
        boolean ok = true;
        for (String id : ids) {
            if (!TAG.matcher(id).matches()) {
                fields.error(fact.idKind(), e.value(), fact.idKind() + " `" + id + "` is not lower-case ASCII kebab-case",
                        fact.hint());
                ok = false;
            }
        }
        return ok;
    }

    private static Optional<Map<String, String>> versions(YamlMapping m, YamlFields fields) {
        fields.checkKeys(m, m.effective().stream().map(YamlMapping.Entry::name).collect(Collectors.toSet()), "verified_with");
        Map<String, String> out = new TreeMap<>();
        boolean ok = true;
        for (YamlMapping.Entry e : m.effective()) {
            if (e.value() instanceof YamlScalar s && !s.isNull()) {
                out.put(e.name(), s.text());
            } else {
                fields.error("type", e.value(), "version of `" + e.name() + "` must be a single value, found "
                        + e.value().describe(), "write it as `" + e.name() + ": \"1.2.3\"`");
                ok = false;
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static void requireKey(YamlMapping map, String key, SourcePos top, List<Diagnostic> diagnostics) {
        if (!map.has(key)) {
            diagnostics.add(Diagnostic.error("front-matter-missing", top, "front matter has no `" + key + "`",
                    "every article file needs `title`, `summary` and `date` (YYYY-MM-DD)"));
        }
    }

    /**
     * Front matter that could not be read at all. The facts it seems to write (a line starting
     * with the key) are unknown; the others are absent, so the other translation's hold.
     */
    private static FrontMatter unreadable(String yamlText) {
        Set<String> written = new TreeSet<>();
        for (String line : yamlText.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && FACTS.contains(line.substring(0, colon).strip())) {
                written.add(line.substring(0, colon).strip());
            }
        }
        return new FrontMatter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(),
                Map.of(), written);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
