package dev.casebook.load;

import dev.casebook.content.SiteSchemas;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.SourcePos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The site's JSON Schemas, {@code content/_schemas/<name>.schema.json}: read as text here (what is in them
 * is the validate stage's business), in name order, never through a link, within the size limit of every content file.
 */
final class SchemaFiles {

    static final String FOLDER = "content/_schemas";
    static final String SUFFIX = ".schema.json";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private SchemaFiles() {
    }

    static List<SiteSchemas.File> read(Path content, List<Diagnostic> diagnostics) {
        Path folder = content.resolve("_schemas");
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.sorted().toList();
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error("config-schema", SourcePos.file(FOLDER), "cannot list the folder: " + e.getMessage(),
                    "check its permissions"));
            return List.of();
        }
        List<SiteSchemas.File> out = new ArrayList<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String path = FOLDER + "/" + fileName;
            String name = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : "";
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !NAME.matcher(name).matches()) {
                diagnostics.add(Diagnostic.warning("config-schema", SourcePos.file(path),
                        "not a schema file, so it is not read: schemas are files named <name>.schema.json",
                        "name it like compose-extras.schema.json (lower case, digits, . _ -), or move it out of _schemas/"));
                continue;
            }
            Optional<String> text = ContentText.read(file, path, diagnostics, "config-encoding");
            text.ifPresent(t -> out.add(new SiteSchemas.File(name, path, t)));
        }
        return out;
    }
}
