package dev.casebook.pipeline;

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
 * @param write         false for {@code casebook check} and the preview: every check of a build,
 *                      but nothing written to {@code out}
 * @param rules         a folder of rule data to read instead of the built-in rules (the preview of
 *                      a checkout of Casebook, whose {@code src/main/resources/rules/} it watches)
 * @param cache         a folder where a build keeps its parsed documents for the next build
 *                      ({@code --cache DIR}): only the translations that changed are parsed again
 */
public record BuildOptions(Path site, Path out, Optional<BaseUrl> baseUrl, boolean includeDrafts, boolean strict,
                           boolean write, Optional<Path> rules, Optional<Path> cache) {

    public BuildOptions(Path site, Path out, Optional<BaseUrl> baseUrl, boolean includeDrafts, boolean strict,
                        boolean write, Optional<Path> rules) {
        this(site, out, baseUrl, includeDrafts, strict, write, rules, Optional.empty());
    }

    public BuildOptions(Path site, Path out, Optional<BaseUrl> baseUrl, boolean includeDrafts, boolean strict) {
        this(site, out, baseUrl, includeDrafts, strict, true, Optional.empty());
    }

    public static BuildOptions of(Path site, Path out) {
        return new BuildOptions(site, out, Optional.empty(), false, false, true, Optional.empty());
    }

    public BuildOptions withBaseUrl(BaseUrl url) {
        return new BuildOptions(site, out, Optional.of(url), includeDrafts, strict, write, rules, cache);
    }

    /** The same checks without writing the site. */
    public BuildOptions checkOnly() {
        return new BuildOptions(site, out, baseUrl, includeDrafts, strict, false, rules, cache);
    }

    /** The same build with the rules read from {@code dir}. */
    public BuildOptions withRules(Path dir) {
        return new BuildOptions(site, out, baseUrl, includeDrafts, strict, write, Optional.of(dir), cache);
    }

    /** The same build, keeping its parsed documents in {@code dir} for the next. */
    public BuildOptions withCache(Path dir) {
        return new BuildOptions(site, out, baseUrl, includeDrafts, strict, write, rules, Optional.of(dir));
    }
}
