package dev.casebook.validate;

import dev.casebook.diag.SourcePos;
import java.util.List;
import java.util.Map;

/**
 * Where one rule's check puts its findings. The engine binds it to the rule it runs, so a check
 * never writes its own id, and a finding whose message variant the rule's YAML lacks is a bug
 * caught at once rather than a message that silently falls back to the default.
 */
public final class Findings {

    private final Rule rule;
    private final List<Finding> out;

    Findings(Rule rule, List<Finding> out) {
        this.rule = rule;
        this.out = out;
    }

    /** A finding of this rule at {@code pos}, its message filled from {@code args}; {@link #add} it. */
    public Finding at(SourcePos pos, Map<String, String> args) {
        return Finding.of(rule.id(), pos, args);
    }

    public void add(Finding f) {
        if (!f.rule().equals(rule.id())) {
            throw new IllegalStateException("the check of " + rule.id() + " reported a finding of " + f.rule());
        }
        if (!rule.messages().containsKey(f.variant())) {
            throw new IllegalStateException(rule.id() + " has no message variant `" + f.variant() + "` in its YAML");
        }
        out.add(f);
    }

    /** {@code add(at(pos, args))}. */
    public void add(SourcePos pos, Map<String, String> args) {
        add(at(pos, args));
    }
}
