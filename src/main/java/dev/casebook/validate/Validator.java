package dev.casebook.validate;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The rule engine: runs every rule of the catalog on a group and turns findings into diagnostics
 * in the reader's language. Pure: the same group gives the same findings, in position order.
 */
public final class Validator {

    private final Catalog catalog;

    public Validator(Catalog catalog) {
        this.catalog = catalog;
        for (String id : catalog.ids()) {
            if (!Conditions.ALL.containsKey(id)) {
                throw new IllegalStateException("rule " + id + " has data but no check");
            }
        }
    }

    public Catalog catalog() {
        return catalog;
    }

    /** True when a rule of the catalog reads files of {@code kind}. */
    public boolean reads(Kind kind) {
        return catalog.rules().stream().anyMatch(r -> r.kinds().contains(kind));
    }

    /**
     * True when a rule reads files of {@code kind} as what they are, so that a file no rule fires on is known
     * to be valid. Plain YAML and JSON are only scanned (NET002 looks for a misspelled host name in any file):
     * that vouches for nothing about the file itself.
     */
    public boolean vouchesFor(Kind kind) {
        return kind != Kind.YAML && kind != Kind.JSON && reads(kind);
    }

    public List<Finding> check(Group group) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : catalog.rules()) {
            // a rule runs where a file of a kind it declares is: its YAML says what it reads
            if (rule.kinds().stream().anyMatch(group::has)) {
                Conditions.ALL.get(rule.id()).check(group, new Findings(rule, findings));
            }
        }
        List<Finding> unique = new ArrayList<>(new LinkedHashSet<>(findings));
        unique.sort(Comparator.comparing(Finding::pos).thenComparing(Finding::rule));
        return unique;
    }

    public Severity severity(Finding f) {
        return f.severity().orElse(catalog.rule(f.rule()).orElseThrow().severity());
    }

    /** A finding as a diagnostic: the rule id, its message and fix in {@code lang}. */
    /**
     * What the rule says when it fires, with every placeholder filled: the finding of its first
     * failing example, in {@code lang}. Rule pages and {@code casebook rules} show this instead
     * of a message template.
     */
    public Optional<Diagnostic> illustration(Rule rule, String lang) {
        return example(rule).map(f -> diagnostic(f, lang));
    }

    /** The rule's finding on its first failing example, the same in every language. */
    public Optional<Finding> example(Rule rule) {
        for (Rule.Example example : rule.examples()) {
            if (!example.expect().contains(rule.id())) {
                continue;
            }
            for (Finding f : check(new ConfigReader().group(rule, example).value())) {
                if (f.rule().equals(rule.id())) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    public Diagnostic diagnostic(Finding f, String lang) {
        Rule rule = catalog.rule(f.rule()).orElseThrow();
        return new Diagnostic(severity(f), rule.id(), f.pos(), rule.message(f.variant(), lang, f.args()),
                rule.fix(f.variant(), lang, f.args()));
    }
}
