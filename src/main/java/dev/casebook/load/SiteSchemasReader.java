package dev.casebook.load;

import dev.casebook.content.Lang;
import dev.casebook.content.SiteConfig;
import dev.casebook.content.SiteSchemas;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A site's JSON Schemas without the rest of the site: the {@code schemas:} of {@code content/_site.yaml} and the
 * files of {@code content/_schemas/}, for {@code casebook validate} run on a site's own files (its workflows,
 * manifests) with the schemas its articles use.
 */
public final class SiteSchemasReader {

    private SiteSchemasReader() {
    }

    /** The schemas of the site at {@code site} (its root, the folder holding {@code content/}); none when it has none. */
    public static Outcome<SiteSchemas> read(Path site) {
        Path content = site.resolve("content");
        List<Diagnostic> diagnostics = new ArrayList<>();
        SiteConfig config = new SiteConfigReader(new YamlReader()).readFile(content, List.of(new Lang("en")), diagnostics);
        SiteSchemas schemas = config.schemas().withFiles(SchemaFiles.read(content, diagnostics));
        return Outcome.of(schemas, diagnostics);
    }
}
