package dev.casebook.validate;

import dev.casebook.diag.Severity;
import dev.casebook.diag.SourcePos;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One rule firing on one subject. The message is rendered from the rule's data in the reader's
 * language, filling the {@code {placeholders}} from {@code args}.
 *
 * @param variant  which of the rule's messages applies ({@code default} for most rules)
 * @param severity a severity other than the rule's, where the catalog says so
 */
public record Finding(String rule, SourcePos pos, String variant, Map<String, String> args, Optional<Severity> severity) {

    public Finding {
        args = Map.copyOf(args);
    }

    public static Finding of(String rule, SourcePos pos, Map<String, String> args) {
        return new Finding(rule, pos, "default", args, Optional.empty());
    }

    public Finding variant(String name) {
        return new Finding(rule, pos, name, args, severity);
    }

    /** The same finding with one more value for its message. */
    public Finding with(String name, String value) {
        Map<String, String> more = new HashMap<>(args);
        more.put(name, value);
        return new Finding(rule, pos, variant, more, severity);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(rule, pos, variant, args, Optional.of(s));
    }
}
