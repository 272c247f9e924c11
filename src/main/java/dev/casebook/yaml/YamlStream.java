package dev.casebook.yaml;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.SourcePos;
import java.util.List;
import java.util.Optional;

/**
 * The documents of one YAML text, in order (an empty document is an empty Optional, as PyYAML
 * gives {@code None}), where each starts, and the problems found reading it. After a syntax error the documents read
 * before it are kept.
 */
public record YamlStream(List<Optional<YamlNode>> documents, List<SourcePos> starts, List<Diagnostic> diagnostics) {

    public YamlStream {
        documents = List.copyOf(documents);
        starts = List.copyOf(starts);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Where document {@code i} starts (its {@code ---}, or its first line). */
    public SourcePos start(int i) {
        return starts.get(Math.min(i, starts.size() - 1));
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The first document, for texts that hold one (front matter, site config). */
    public Optional<YamlNode> single() {
        return documents.isEmpty() ? Optional.empty() : documents.get(0);
    }
}
