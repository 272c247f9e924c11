package dev.casebook.validate;

import dev.casebook.diag.Severity;
import java.util.List;
import java.util.Map;

/**
 * A rule of the catalog, as data: id, severity, the kinds it reads, its texts in English and
 * Chinese, the evidence behind it and examples that the test suite executes. Its condition is code,
 * registered under the same id in {@link Conditions}.
 *
 * @param recurring backed by real issue threads (a recurring mistake), not only derived from code or docs
 * @param messages  message per variant ({@code default} always), per language
 * @param fixVariants the fix of a variant whose fix differs from {@code fix}, per language
 */
public record Rule(String id, Severity severity, boolean recurring, List<Kind> kinds, Map<String, String> title,
                   Map<String, Map<String, String>> messages, Map<String, String> why, Map<String, String> fix,
                   List<Evidence> evidence, List<Example> examples, Map<String, Map<String, String>> fixVariants) {

    public static final List<String> LANGUAGES = List.of("en", "zh");

    public record Evidence(String text, String url) {
    }

    /** A group of files and the exact set of rule ids they must produce; its name in each language. */
    public record Example(Map<String, String> names, List<String> expect, Map<String, String> environment,
                          List<ExampleFile> files) {
        public boolean failing() {
            return !expect.isEmpty();
        }

        public String name() {
            return names.get("en");
        }

        public String name(String lang) {
            return names.getOrDefault(lang, name());
        }
    }

    public record ExampleFile(String name, String text) {
    }

    public Rule {
        kinds = List.copyOf(kinds);
        title = Map.copyOf(title);
        messages = Map.copyOf(messages);
        why = Map.copyOf(why);
        fix = Map.copyOf(fix);
        evidence = List.copyOf(evidence);
        examples = List.copyOf(examples);
        fixVariants = Map.copyOf(fixVariants);
    }

    public String title(String lang) {
        return title.getOrDefault(lang, title.get("en"));
    }

    public String why(String lang) {
        return why.getOrDefault(lang, why.get("en"));
    }

    public String fix(String lang) {
        return fix.getOrDefault(lang, fix.get("en"));
    }

    /** The message of {@code variant} in {@code lang}, with {@code {placeholders}} filled from {@code args}. */
    public String message(String variant, String lang, Map<String, String> args) {
        Map<String, String> texts = messages.getOrDefault(variant, messages.get("default"));
        return fill(texts.getOrDefault(lang, texts.get("en")), args);
    }

    public String fix(String lang, Map<String, String> args) {
        return fill(fix(lang), args);
    }

    /** The fix for a finding of {@code variant}: the variant's own when it has one. */
    public String fix(String variant, String lang, Map<String, String> args) {
        Map<String, String> texts = fixVariants.get(variant);
        return texts == null ? fix(lang, args) : fill(texts.getOrDefault(lang, texts.get("en")), args);
    }

    /**
     * {@code template} with each {@code {name}} of {@code args} replaced by its value, in one pass, so a
     * value that itself reads {@code {name}} stays as it is. An empty value in a code span is shown as
     * {@code ""}, the empty string as a config writes it, never as an empty span.
     */
    static String fill(String template, Map<String, String> args) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            int close = open < 0 ? -1 : template.indexOf('}', open + 1);
            String value = close < 0 ? null : args.get(template.substring(open + 1, close));
            if (value == null) {
                int next = open < 0 ? template.length() : open + 1;
                out.append(template, at, next);
                at = next;
                continue;
            }
            out.append(template, at, open);
            boolean inCode = open > 0 && template.charAt(open - 1) == '`'
                    && close + 1 < template.length() && template.charAt(close + 1) == '`';
            out.append(value.isEmpty() && inCode ? "\"\"" : value);
            at = close + 1;
        }
        return out.toString();
    }
}
