package dev.casebook.validate;

import java.util.List;

/** The condition of one rule: adds a finding for every subject of {@code group} it fires on. */
@FunctionalInterface
interface Check {
    void check(Group group, List<Finding> out);
}
