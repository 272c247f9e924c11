package dev.casebook.diag;

import java.util.Locale;

/** How bad a diagnostic is. Errors fail the build; warnings fail it only with {@code --strict}. */
public enum Severity {
    ERROR, WARNING;

    /** The lower-case word used in diagnostic lines and JSON: {@code error}, {@code warning}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
