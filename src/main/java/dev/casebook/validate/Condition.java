package dev.casebook.validate;

/**
 * The condition of one rule: adds a finding for every subject of {@code group} it fires on. The
 * engine runs it only on groups that hold a file of a kind the rule's YAML declares.
 */
@FunctionalInterface
interface Condition {
    void check(Group group, Findings out);
}
