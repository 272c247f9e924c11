package dev.casebook.validate;

import java.util.List;
import java.util.Optional;

/**
 * Config files checked together, so that rules can look across them: the {@code config.yaml},
 * {@code .env} and compose file of one workspace. In an article, its snippets (or those of one
 * {@code group=}); for {@code casebook validate}, all files given at once.
 */
public record Group(String name, List<ConfigFile> files, Environment environment) {

    public Group {
        files = List.copyOf(files);
    }

    public List<ConfigFile> of(Kind kind) {
        return files.stream().filter(f -> f.kind() == kind).toList();
    }

    public boolean has(Kind kind) {
        return files.stream().anyMatch(f -> f.kind() == kind);
    }

    /** The dotenv files of the group read in order, or empty when the group has none. */
    public Optional<DotEnv> env() {
        return of(Kind.DOTENV).stream().flatMap(f -> f.dotenv().stream()).reduce(DotEnv::then);
    }

    /**
     * What the WrenAI or LiteLLM process sees: {@code .env}, then the compose service's
     * {@code environment:}; empty when the group cannot tell (see {@link ProcessEnvironment}).
     */
    public Optional<DotEnv> processEnv() {
        return ProcessEnvironment.of(this);
    }
}
