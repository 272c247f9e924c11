package dev.casebook.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder where Casebook keeps what is the user's, not the site's: {@code $XDG_CACHE_HOME/casebook/}
 * (an absolute path), else {@code ~/.cache/casebook/}. Nothing of it belongs beside a jar a team
 * commits or copies, or beside a site. Written without lambdas or string concatenation, since the
 * launcher's first JVM uses it.
 */
public final class UserCache {

    private UserCache() {
    }

    /** The cache's subfolder {@code name}, not made. */
    public static Path folder(String name) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("casebook").resolve(name);
    }

    /** The cache's subfolder {@code name}, made if it is missing. */
    public static Path made(String name) throws IOException {
        return Files.createDirectories(folder(name));
    }
}
