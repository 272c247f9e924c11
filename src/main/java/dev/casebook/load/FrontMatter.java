package dev.casebook.load;

import dev.casebook.content.Provenance;
import dev.casebook.diag.SourcePos;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The front matter of one file, read and type-checked. Language-neutral facts keep the position
 * they were written at, so a conflict between two translations can point at both.
 */
record FrontMatter(
        Optional<String> title,
        Optional<String> summary,
        Optional<LocalDate> date,
        Optional<LocalDate> updated,
        boolean draft,
        Optional<Provenance> translatedFrom,
        Map<String, Written> facts,
        Set<String> unreadableFacts) {

    FrontMatter {
        unreadableFacts = Set.copyOf(unreadableFacts);
    }

    /** True when a value a published page needs is missing or broken. */
    boolean incomplete() {
        return title.isEmpty() || summary.isEmpty() || date.isEmpty();
    }

    /** A language-neutral value (a list, or a sorted map for {@code verified_with}) and where it was written. */
    record Written(Object value, SourcePos pos) {
    }
}
