package dev.casebook.serve;

import java.util.Optional;

/** Lets tests in other packages ask how the preview reads a request path. */
public final class PreviewServerAccess {

    private PreviewServerAccess() {
    }

    public static Optional<String> sitePath(String rawRest) {
        return PreviewServer.sitePath(rawRest);
    }
}
