package dev.casebook.load;

import dev.casebook.diag.Diagnostic;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlReader;
import dev.casebook.yaml.YamlScalar;
import dev.casebook.yaml.YamlSequence;
import dev.casebook.yaml.YamlStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code content/_search/synonyms.yaml}: sets of words readers use for the same thing ({@code [密钥, 秘钥]},
 * {@code [embedding, 嵌入]}), one set per item, so a query with one finds articles written with another.
 * Each word is one search term: a word of letters, digits, {@code _} and {@code -}, or two Chinese characters.
 */
final class Synonyms {

    static final String PATH = "content/_search/synonyms.yaml";
    private static final Pattern WORD = Pattern.compile("[\\p{IsLatin}\\p{Nd}_-]+|[\\p{IsHan}]{2}");

    private Synonyms() {
    }

    static List<List<String>> read(Path content, YamlReader yaml, List<Diagnostic> diagnostics) {
        Path file = content.resolve("_search").resolve("synonyms.yaml");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(content.resolve("_search"))) {
            return List.of();
        }
        Optional<String> text = ContentText.read(file, PATH, diagnostics, "config-encoding");
        if (text.isEmpty()) {
            return List.of();
        }
        YamlStream stream = yaml.read(text.get(), PATH);
        diagnostics.addAll(stream.diagnostics());
        Optional<YamlNode> root = stream.single();
        List<List<String>> out = new ArrayList<>();
        if (root.isEmpty()) {
            return out;
        }
        if (!(root.get() instanceof YamlSequence sets)) {
            diagnostics.add(Diagnostic.error("config-value", root.get().pos(), "synonyms.yaml is a list of sets of words",
                    "write one set per line: - [密钥, 秘钥]"));
            return out;
        }
        for (YamlNode item : sets.items()) {
            if (!(item instanceof YamlSequence words) || words.items().size() < 2) {
                diagnostics.add(Diagnostic.error("config-value", item.pos(), "a set of synonyms lists two words or more",
                        "write it as a list: - [embedding, 嵌入]"));
                continue;
            }
            List<String> set = new ArrayList<>();
            for (YamlNode w : words.items()) {
                String word = w instanceof YamlScalar s ? s.text().strip() : "";
                if (WORD.matcher(word).matches()) {
                    set.add(word);
                } else {
                    diagnostics.add(Diagnostic.error("config-value", w.pos(), "`" + word + "` is not one search term",
                            "use a single word of letters, digits, _ and -, or two Chinese characters"));
                }
            }
            if (set.size() >= 2) {
                out.add(List.copyOf(set));
            }
        }
        return out;
    }
}
