package dev.casebook.validate;

import dev.casebook.diag.SourcePos;
import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlStream;
import java.util.List;
import java.util.Optional;

/**
 * One config file of a group, parsed: a snippet of an article or a file given to
 * {@code casebook validate}.
 *
 * @param name     the file it stands for ({@code config.yaml}, {@code .env})
 * @param origin   where its text starts (path, line and column of the first character)
 * @param yaml     the documents, for YAML kinds
 * @param dotenv   the assignments, for {@link Kind#DOTENV}
 * @param fragment an excerpt: rules about required keys are not applied
 */
public record ConfigFile(String name, Kind kind, String text, SourcePos origin, Optional<YamlStream> yaml,
                         Optional<DotEnv> dotenv, boolean fragment) {

    /** The documents that are mappings (the only ones rules look inside). */
    public List<YamlMapping> mappings() {
        return yaml.map(s -> s.documents().stream().flatMap(Optional::stream)
                .filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast).toList()).orElse(List.of());
    }

    public List<Optional<YamlNode>> documents() {
        return yaml.map(YamlStream::documents).orElse(List.of());
    }

    /** The line range this file covers in its source, for attributing findings to snippets. */
    public boolean contains(SourcePos pos) {
        int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
        return pos.path().equals(origin.path()) && pos.line() >= origin.line() && pos.line() < origin.line() + lines;
    }
}
