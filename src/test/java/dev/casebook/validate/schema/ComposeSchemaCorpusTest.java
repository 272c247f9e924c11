package dev.casebook.validate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.content.SiteSchemas;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.SourcePos;
import dev.casebook.validate.ConfigFile;
import dev.casebook.validate.ConfigReader;
import dev.casebook.validate.Kind;
import dev.casebook.yaml.YamlMapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The built-in Compose schema on compose files written by Docker and by the specification's authors
 * (see {@code corpus/compose/SOURCES.md}): a schema check that flags any of them is wrong, not the file.
 */
class ComposeSchemaCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus/compose");

    @Test
    void dockersOwnSamplesAndTheSpecificationsExamplesPass() throws IOException {
        JsonSchemas schemas = JsonSchemas.of(SiteSchemas.NONE).value();
        List<String> problems = new ArrayList<>();
        int files = 0;
        int services = 0;
        for (String folder : List.of("awesome-compose", "compose-spec")) {
            try (Stream<Path> list = Files.list(CORPUS.resolve(folder))) {
                for (Path p : list.sorted().toList()) {
                    String name = folder + "/" + p.getFileName();
                    ConfigFile file = new ConfigReader().read(name, Kind.YAML, Files.readString(p, StandardCharsets.UTF_8),
                            new SourcePos(name, 1, 1), false).value();
                    for (Diagnostic d : schemas.check(file, JsonSchemas.COMPOSE)) {
                        problems.add(d.toString());
                    }
                    files++;
                    services += file.mappings().stream().mapToInt(m -> m.get("services").map(s -> s instanceof YamlMapping sm
                            ? sm.entries().size() : 0).orElse(0)).sum();
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(files >= 130, "the corpus has " + files + " files");
        assertTrue(services >= 180, "the corpus has " + services + " services");
    }
}
