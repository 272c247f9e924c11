package dev.casebook.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SpecVersion;
import java.util.Optional;

/**
 * The JSON Schema draft a schema is written in, from its {@code $schema}. Schemas in the wild write the
 * draft's id with {@code http} or {@code https} and with or without the final {@code #} (the Compose
 * Specification writes {@code https://json-schema.org/draft-07/schema}); all of these name the draft,
 * and none is fetched. A schema without {@code $schema} is read as 2020-12.
 */
final class Versions {

    private Versions() {
    }

    static Optional<SpecVersion.VersionFlag> of(JsonNode schema) {
        JsonNode declared = schema.get("$schema");
        if (declared == null) {
            return Optional.of(SpecVersion.VersionFlag.V202012);
        }
        String wanted = normal(declared.asText());
        for (SpecVersion.VersionFlag flag : SpecVersion.VersionFlag.values()) {
            if (normal(flag.getId()).equals(wanted)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }

    /** The draft's id as the schema library knows it. */
    static String id(SpecVersion.VersionFlag flag) {
        return flag.getId();
    }

    private static String normal(String id) {
        String s = id.strip();
        s = s.endsWith("#") ? s.substring(0, s.length() - 1) : s;
        return s.replaceFirst("^https?://", "");
    }
}
