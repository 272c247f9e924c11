package dev.casebook.diag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Diagnostics in the writer's language: the messages and hints a writer meets (front matter, links,
 * layout, placeholders, snippets) have a Chinese wording in {@code diag/zh.tsv}, matched against the
 * English text with what varies kept. A text without one stays English; the id never changes, so
 * annotations, exit codes and searches for an id work the same in every language.
 */
public final class DiagnosticText {

    private record Entry(String kind, String id, Pattern english, String translated) {
    }

    private static final Map<String, List<Entry>> TABLES = Map.of("zh", load("diag/zh.tsv"));

    private DiagnosticText() {
    }

    /** {@code d} in {@code lang} ({@code zh}, {@code zh-tw}…; any other language leaves it as it is). */
    public static Diagnostic in(String lang, Diagnostic d) {
        List<Entry> table = table(lang);
        if (table.isEmpty()) {
            return d;
        }
        return new Diagnostic(d.severity(), d.id(), d.pos(), translate(table, "message", d.id(), d.message()),
                translate(table, "hint", d.id(), d.hint()));
    }

    /** Whether {@code lang} has wordings, so a caller can offer both texts. */
    public static boolean available(String lang) {
        return !table(lang).isEmpty();
    }

    private static List<Entry> table(String lang) {
        String base = lang.contains("-") ? lang.substring(0, lang.indexOf('-')) : lang;
        return TABLES.getOrDefault(base, List.of());
    }

    private static String translate(List<Entry> table, String kind, String id, String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        for (Entry e : table) {
            if (!e.kind().equals(kind) || !(e.id().equals("*") || e.id().equals(id))) {
                continue;
            }
            Matcher m = e.english().matcher(text);
            if (m.matches()) {
                String out = e.translated();
                for (int g = m.groupCount(); g >= 1; g--) {
                    out = out.replace("%" + g, part(table, m.group(g)));
                }
                return out;
            }
        }
        return text;
    }

    /** A varying piece of a text that is itself a known fragment (a fact's hint) is translated too. */
    private static String part(List<Entry> table, String text) {
        return table.stream().filter(e -> e.kind().equals("part") && e.english().matcher(text).matches()).findFirst()
                .map(Entry::translated).orElse(text);
    }

    private static List<Entry> load(String resource) {
        try (InputStream in = DiagnosticText.class.getClassLoader().getResourceAsStream(resource)) {
            List<Entry> out = new ArrayList<>();
            for (String line : new String(Optional.ofNullable(in).orElseThrow().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                out.add(new Entry(cells[0], cells[1], template(cells[2]), cells[3]));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code broken link `%1`: no article at %2} as a pattern whose groups are what varies. */
    private static Pattern template(String english) {
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("%\\d").matcher(english);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(english.substring(last, m.start()))).append("(.+?)");
            last = m.end();
        }
        regex.append(Pattern.quote(english.substring(last)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
