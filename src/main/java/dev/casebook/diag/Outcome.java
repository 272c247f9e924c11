package dev.casebook.diag;

import java.util.List;

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

}
