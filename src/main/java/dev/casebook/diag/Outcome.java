package dev.casebook.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a stage produced from one input, with the diagnostics it found on the way. Stages return
 * outcomes instead of writing to a shared collector, so they stay pure and can run in parallel.
 */
public record Outcome<T>(T value, List<Diagnostic> diagnostics) {

    public Outcome {
        diagnostics = List.copyOf(diagnostics);
    }

    public static <T> Outcome<T> of(T value) {
        return new Outcome<>(value, List.of());
    }

    public static <T> Outcome<T> of(T value, List<Diagnostic> diagnostics) {
        return new Outcome<>(value, diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public <R> Outcome<R> map(Function<T, R> f) {
        return new Outcome<>(f.apply(value), diagnostics);
    }

    /** This outcome's diagnostics followed by {@code more}. */
    public Outcome<T> with(List<Diagnostic> more) {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.addAll(more);
        return new Outcome<>(value, all);
    }
}
