package dev.casebook.diag;

import java.util.Locale;

/**
 * How bad a diagnostic is. Errors fail the build; warnings fail it only with {@code --strict};
 * notes never do: they say what could not be checked.
 */
public enum Severity {
    ERROR, WARNING, NOTE;

    /** The lower-case word used in diagnostic lines and JSON: {@code error}, {@code warning}, {@code note}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
