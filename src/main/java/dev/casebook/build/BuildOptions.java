package dev.casebook.build;

import dev.casebook.content.BaseUrl;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What to build and how.
 *
 * @param site          the knowledge base folder (holds {@code content/}, optionally {@code templates/})
 * @param out           the output folder
 * @param baseUrl       overrides {@code base_url} of {@code _site.yaml}
 * @param includeDrafts publish articles marked {@code draft: true}
 * @param strict        warnings fail the build
 * @param write         false for {@code casebook check}: every check of a build, pages rendered
 *                      and their links proven, but nothing written
 */
public record BuildOptions(Path site, Path out, Optional<BaseUrl> baseUrl, boolean includeDrafts, boolean strict,
                           boolean write) {

    public BuildOptions(Path site, Path out, Optional<BaseUrl> baseUrl, boolean includeDrafts, boolean strict) {
        this(site, out, baseUrl, includeDrafts, strict, true);
    }

    public static BuildOptions of(Path site, Path out) {
        return new BuildOptions(site, out, Optional.empty(), false, false, true);
    }

    public BuildOptions withBaseUrl(BaseUrl url) {
        return new BuildOptions(site, out, Optional.of(url), includeDrafts, strict, write);
    }

    /** The same checks without writing the site. */
    public BuildOptions checkOnly() {
        return new BuildOptions(site, out, baseUrl, includeDrafts, strict, false);
    }
}
