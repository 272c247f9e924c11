package dev.casebook.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * All diagnostics of one run, sorted by position so output does not depend on thread timing.
 * {@code strict} turns warnings into failures.
 */
public record Report(List<Diagnostic> diagnostics) {

    public Report {
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(null);
        diagnostics = List.copyOf(sorted);
    }

    public static Report of(Collection<Diagnostic> diagnostics) {
        return new Report(new ArrayList<>(diagnostics));
    }

    public long errors() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warnings() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
    }

    public long notes() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.NOTE).count();
    }

    public boolean fails(boolean strict) {
        return errors() > 0 || (strict && warnings() > 0);
    }
}
