package dev.casebook.diag;

/** What a SARIF log says about a rule: its id, a one-line title, a description and its default severity. */
public record RuleInfo(String id, String title, String description, Severity severity, String helpUri) {
}
