package dev.casebook.validate;

import dev.casebook.diag.SourcePos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .env} file read the way Docker Compose reads it: {@code #} lines are comments (even
 * {@code # KEY=value}), an optional {@code export} prefix, matching quotes stripped, and an unquoted
 * value ending at whitespace followed by {@code #}. A key is defined by any {@code KEY=} line, even
 * with an empty value; the last assignment wins.
 */
public record DotEnv(List<Entry> entries) {

    private static final Pattern INLINE_COMMENT = Pattern.compile("\\s#");
    private static final Pattern LINE = Pattern.compile("^(\\s*)(export\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*=(.*)$");

    /**
     * One assignment.
     *
     * @param raw       the value as written, after {@code =}
     * @param value     the value Compose uses
     * @param quoted    whether the value was in quotes
     * @param keyPos    where the key starts
     * @param valuePos  where the value starts
     */
    public record Entry(String key, String raw, String value, boolean quoted, SourcePos keyPos, SourcePos valuePos) {
        public boolean isEmpty() {
            return value.isEmpty();
        }
    }

    public DotEnv {
        entries = List.copyOf(entries);
    }

    /** Parses {@code text} whose first line is at {@code origin} (path, line and column of the first character). */
    public static DotEnv parse(String text, SourcePos origin) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int lineNo = origin.line() + i;
            int keyCol = origin.column() + line.codePointCount(0, m.start(3));
            int valueCol = origin.column() + line.codePointCount(0, m.start(4));
            String raw = m.group(4);
            String trimmed = raw.strip();
            boolean quoted = trimmed.length() >= 2 && (trimmed.charAt(0) == '"' || trimmed.charAt(0) == '\'')
                    && trimmed.indexOf(trimmed.charAt(0), 1) > 0;
            String value;
            if (quoted) {
                value = trimmed.substring(1, trimmed.indexOf(trimmed.charAt(0), 1));
            } else {
                Matcher comment = INLINE_COMMENT.matcher(raw);
                value = (comment.find() ? raw.substring(0, comment.start()) : raw).strip();
            }
            entries.add(new Entry(m.group(3), raw, value, quoted,
                    new SourcePos(origin.path(), lineNo, keyCol), new SourcePos(origin.path(), lineNo, valueCol)));
        }
        return new DotEnv(entries);
    }

    /** The last assignment of {@code key}. */
    public Optional<Entry> get(String key) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).key().equals(key)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    public boolean defines(String key) {
        return get(key).isPresent();
    }

    /** True when {@code key} is defined with a non-empty value. */
    public boolean usable(String key) {
        return get(key).map(e -> !e.isEmpty()).orElse(false);
    }

    /** Keys assigned more than once, each with its assignments in order. */
    public Map<String, List<Entry>> repeated() {
        Map<String, List<Entry>> byKey = new LinkedHashMap<>();
        for (Entry e : entries) {
            byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
        }
        byKey.values().removeIf(l -> l.size() < 2);
        return byKey;
    }

    /** This file's assignments followed by {@code later}'s, as if both were read in that order. */
    public DotEnv then(DotEnv later) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(later.entries);
        return new DotEnv(all);
    }
}
