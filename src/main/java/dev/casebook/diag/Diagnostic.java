package dev.casebook.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in content or configuration, with a stable id, a position and a hint that
 * says how to fix it. Printed as {@code path:line:col: severity[id]: message} then the hint.
 */
public record Diagnostic(Severity severity, String id, SourcePos pos, String message, String hint)
        implements Comparable<Diagnostic> {

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing(Diagnostic::pos)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::id)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    public static Diagnostic error(String id, SourcePos pos, String message, String hint) {
        return new Diagnostic(Severity.ERROR, id, pos, message, hint);
    }

    public static Diagnostic warning(String id, SourcePos pos, String message, String hint) {
        return new Diagnostic(Severity.WARNING, id, pos, message, hint);
    }

    /** Something worth knowing that is not a problem: never fails a build, not even with {@code --strict}. */
    public static Diagnostic note(String id, SourcePos pos, String message, String hint) {
        return new Diagnostic(Severity.NOTE, id, pos, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The first line: {@code path:line:col: error[id]: message}. */
    public String headline() {
        return Terminal.safe(pos.toString()) + ": " + severity.label() + "[" + id + "]: " + Terminal.safe(message);
    }

    /** The headline and, when there is one, the indented hint on the next line. */
    public String format() {
        return ReportFormat.TEXT.line(this);
    }

    @Override
    public int compareTo(Diagnostic other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return format();
    }
}
