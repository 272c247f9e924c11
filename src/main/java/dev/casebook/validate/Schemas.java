package dev.casebook.validate;

import dev.casebook.diag.Diagnostic;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Config files checked against JSON Schemas, by schema name. The schema library lives behind this
 * interface ({@code dev.casebook.validate.schema}), so that the in-browser checker, which runs without it,
 * never loads it.
 *
 * <p>Diagnostic ids: {@code schema} (the file breaks the schema), {@code schema-unknown} (a block names a
 * schema the site does not have) and {@code schema-file} (a site's schema file cannot be used).
 */
public interface Schemas {

    /** The schema names there are: the built-in ones and the site's. */
    Set<String> names();

    /**
     * The schema for a file: the one a block names ({@code schema=}, may be empty), else the one the site
     * picks by file name, else the built-in one for its kind (compose files: {@code compose}).
     */
    Optional<String> pick(String named, String fileName, Kind kind);

    /**
     * Where {@code file} breaks schema {@code name}, one diagnostic per problem, in position order. An
     * excerpt ({@link ConfigFile#fragment()}) is not held to the schema's required keys.
     */
    List<Diagnostic> check(ConfigFile file, String name);

    /** No schemas: nothing is picked. */
    Schemas NONE = new Schemas() {
        @Override
        public Set<String> names() {
            return Set.of();
        }

        @Override
        public Optional<String> pick(String named, String fileName, Kind kind) {
            return Optional.empty();
        }

        @Override
        public List<Diagnostic> check(ConfigFile file, String name) {
            return List.of();
        }
    };
}
