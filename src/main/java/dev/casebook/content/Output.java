package dev.casebook.content;

import java.nio.file.Path;

/** One file of the built site, at a site path such as {@code en/litellm/x/index.html}. */
public sealed interface Output permits Output.Bytes, Output.Copy {

    String path();

    /** A generated file. */
    record Bytes(String path, byte[] content) implements Output {
    }

    /** A file copied as it is, such as an image of a bundle. */
    record Copy(String path, Path from) implements Output {
    }
}
