package dev.casebook.load;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Suggestions;
import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlScalar;
import dev.casebook.yaml.YamlSequence;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed reads of a strict YAML mapping (front matter, site config): each read either returns the
 * value or records a positioned diagnostic with the caller's id prefix, never both, never throws.
 */
final class YamlFields {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final String idPrefix;
    private final List<Diagnostic> diagnostics;

    YamlFields(String idPrefix, List<Diagnostic> diagnostics) {
        this.idPrefix = idPrefix;
        this.diagnostics = diagnostics;
    }

    /** Reports duplicate and unknown keys of {@code map}. */
    void checkKeys(YamlMapping map, Set<String> known, String where) {
        for (YamlMapping.Entry dup : map.duplicates()) {
            error("duplicate-key", dup.key(), "duplicate key `" + dup.name() + "` in " + where,
                    "remove one of them; only the last would count");
        }
        for (YamlMapping.Entry e : map.effective()) {
            if (!known.contains(e.name())) {
                error("unknown-key", e.key(), "unknown key `" + e.name() + "` in " + where,
                        Suggestions.hint(e.name(), known));
            }
        }
    }

    Optional<String> string(YamlMapping.Entry e) {
        if (e.value() instanceof YamlScalar s && !s.isNull()) {
            if (s.type() == YamlScalar.Type.BOOL) {
                booleanTrap(e.name(), s);
            }
            return Optional.of(text(s));
        }
        return wrongType(e, "a string");
    }

    /**
     * A scalar's text with what a YAML escape ({@code "\x07"}, {@code "\uFFFF"}) can bring in and
     * the file itself may not hold replaced by U+FFFD: control characters, bidirectional overrides,
     * noncharacters. They would reach feeds, data files and logs.
     */
    private String text(YamlScalar s) {
        List<Diagnostic> found = new ArrayList<>();
        String clean = ContentText.withoutControls(s.text(), s.pos().path(), found);
        if (!found.isEmpty()) {
            diagnostics.add(Diagnostic.warning("encoding", s.pos(), found.get(0).message(), found.get(0).hint()));
        }
        return clean;
    }

    // YAML 1.1 reads an unquoted yes/no/on/off/y/n as a boolean; where text is expected the
    // writer meant the word, so it is kept as written, with a warning that other tools differ
    private void booleanTrap(String key, YamlScalar s) {
        diagnostics.add(Diagnostic.warning(idPrefix + "boolean", s.pos(),
                "`" + s.text() + "` in `" + key + "` is a boolean in YAML 1.1; it is kept as the text `" + s.text() + "`",
                "quote it so every YAML reader agrees: \"" + s.text() + "\""));
    }

    Optional<String> nonEmptyString(YamlMapping.Entry e) {
        Optional<String> s = string(e);
        if (s.isPresent() && s.get().isBlank()) {
            error("empty", e.value(), "`" + e.name() + "` is empty", "write a value");
            return Optional.empty();
        }
        return s;
    }

    /** A string that must be one of {@code allowed}. */
    Optional<String> oneOf(YamlMapping.Entry e, List<String> allowed) {
        Optional<String> s = string(e);
        if (s.isPresent() && !allowed.contains(s.get())) {
            error("value", e.value(), "`" + e.name() + "` must be one of " + String.join(", ", allowed) + ", not `" + s.get() + "`",
                    Suggestions.hint(s.get(), allowed));
            return Optional.empty();
        }
        return s;
    }

    Optional<Boolean> bool(YamlMapping.Entry e) {
        if (e.value() instanceof YamlScalar s && s.type() == YamlScalar.Type.BOOL) {
            String t = s.text().toLowerCase(Locale.ROOT);
            return Optional.of(t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y"));
        }
        return wrongType(e, "true or false");
    }

    Optional<LocalDate> date(YamlMapping.Entry e) {
        if (e.value() instanceof YamlScalar s && !s.isNull()) {
            String text = s.text().strip();
            if (DATE.matcher(text).matches()) {
                try {
                    return Optional.of(LocalDate.parse(text));
                } catch (DateTimeException ex) {
                    error("date", s, "`" + e.name() + "` is not a real date: " + text,
                            "write an existing day as YYYY-MM-DD");
                    return Optional.empty();
                }
            }
            error("date", s, "`" + e.name() + "` must be a date like 2025-02-18, not `" + text + "`",
                    "write the day as YYYY-MM-DD");
            return Optional.empty();
        }
        return wrongType(e, "a date (YYYY-MM-DD)");
    }

    /** A list of strings; a single string is also accepted as a one-item list. */
    Optional<List<String>> strings(YamlMapping.Entry e) {
        if (e.value() instanceof YamlScalar s && s.type() == YamlScalar.Type.STRING) {
            return Optional.of(List.of(s.text()));
        }
        if (!(e.value() instanceof YamlSequence seq)) {
            return wrongType(e, "a list of strings");
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (YamlNode item : seq.items()) {
            if (item instanceof YamlScalar s && !s.isNull()) {
                if (s.type() == YamlScalar.Type.BOOL) {
                    booleanTrap(e.name(), s);
                }
                out.add(text(s));
            } else {
                error("type", item, "items of `" + e.name() + "` must be strings, found " + item.describe(),
                        "quote the value");
                ok = false;
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    Optional<YamlMapping> mapping(YamlMapping.Entry e) {
        if (e.value() instanceof YamlMapping m) {
            return Optional.of(m);
        }
        return wrongType(e, "a mapping");
    }

    private <T> Optional<T> wrongType(YamlMapping.Entry e, String expected) {
        error("type", e.value(), "`" + e.name() + "` must be " + expected + ", found " + e.value().describe(),
                "see the README for the format of `" + e.name() + "`");
        return Optional.empty();
    }

    void error(String id, YamlNode at, String message, String hint) {
        diagnostics.add(Diagnostic.error(idPrefix + id, at.pos(), message, hint));
    }
}
