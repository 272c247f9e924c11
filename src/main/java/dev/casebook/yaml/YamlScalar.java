package dev.casebook.yaml;

import dev.casebook.diag.SourcePos;

/**
 * A scalar: its text exactly as YAML reads it, the type YAML 1.1 resolves a plain scalar to, and
 * whether it was quoted (quoted scalars are always strings).
 */
public record YamlScalar(String text, Type type, boolean quoted, SourcePos pos) implements YamlNode {

    /** The YAML 1.1 types of a scalar, as PyYAML and SnakeYAML resolve them. */
    public enum Type { STRING, INT, FLOAT, BOOL, NULL, TIMESTAMP, OTHER }

    public boolean isNull() {
        return type == Type.NULL;
    }

    @Override
    public String describe() {
        return switch (type) {
            case STRING -> "a string";
            case INT -> "a number";
            case FLOAT -> "a number";
            case BOOL -> "a boolean";
            case NULL -> "an empty value";
            case TIMESTAMP -> "a date";
            case OTHER -> "a scalar";
        };
    }
}
