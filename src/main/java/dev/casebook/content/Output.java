package dev.casebook.content;

import dev.casebook.diag.Diagnostic;
import java.nio.file.Path;
import java.util.function.Supplier;

/** One file of the built site, at a site path such as {@code en/litellm/x/index.html}. */
public sealed interface Output permits Output.Bytes, Output.Copy, Output.Lazy {

    String path();

    /** A generated file. */
    record Bytes(String path, byte[] content) implements Output {
    }

    /** A file copied as it is, such as an image of a bundle. */
    record Copy(String path, Path from) implements Output {
    }

    /**
     * A file produced when it is written, so that a large site never holds all its pages in memory.
     * The supplier throws {@link Failure} when the file cannot be produced.
     */
    record Lazy(String path, Supplier<byte[]> content) implements Output {
    }

    /** Producing a lazy file failed, for the reason the diagnostic gives. */
    final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Diagnostic diagnostic;

        public Failure(Diagnostic diagnostic) {
            super(diagnostic.headline(), null, false, false);
            this.diagnostic = diagnostic;
        }

        public Diagnostic diagnostic() {
            return diagnostic;
        }
    }
}
