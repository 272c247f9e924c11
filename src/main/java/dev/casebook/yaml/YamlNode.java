package dev.casebook.yaml;

import dev.casebook.diag.SourcePos;

/**
 * An immutable YAML node with the position it was written at. Built from SnakeYAML's node graph
 * (see {@link YamlReader}); nothing outside this package touches SnakeYAML.
 */
public sealed interface YamlNode permits YamlScalar, YamlSequence, YamlMapping {

    SourcePos pos();

    /** A short word for messages: {@code a string}, {@code a list}, {@code a mapping}. */
    String describe();
}
