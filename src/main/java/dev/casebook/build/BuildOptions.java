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
 */
public record BuildOptions(Path site, Path out, Optional<BaseUrl> baseUrl, boolean includeDrafts, boolean strict) {

    public static BuildOptions of(Path site, Path out) {
        return new BuildOptions(site, out, Optional.empty(), false, false);
    }

    public BuildOptions withBaseUrl(BaseUrl url) {
        return new BuildOptions(site, out, Optional.of(url), includeDrafts, strict);
    }
}
