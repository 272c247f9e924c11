package dev.casebook.validate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.content.SiteSchemas;
import dev.casebook.diag.SourcePos;
import dev.casebook.validate.ConfigFile;
import dev.casebook.validate.ConfigReader;
import dev.casebook.validate.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which files the Compose schema applies to, and how YAML values reach it. */
class ComposeKindTest {

    private static final JsonSchemas SCHEMAS = JsonSchemas.of(SiteSchemas.NONE).value();

    private static ConfigFile read(String name, String text) {
        return new ConfigReader().read(name, Kind.YAML, text, new SourcePos(name, 1, 1), false).value();
    }

    @Test
    void aFileNamedAsComposeLooksForItIsComposeEvenWithoutServices() {
        for (String name : List.of("compose.yaml", "docker-compose.yml", "deploy/compose.override.yaml", "compose.prod.yml")) {
            assertEquals(Kind.COMPOSE, read(name, "networks:\n  front: {}\n").kind(), name);
        }
        assertEquals(Kind.YAML, read("composer.yaml", "networks:\n  front: {}\n").kind());
        ConfigFile networks = read("compose.yaml", "networks:\n  front:\n    drivr: bridge\n");
        assertEquals("compose.yaml:3:5: error[schema]: `networks.front.drivr`: the compose schema has no key `drivr` here\n"
                + "  hint: did you mean `driver`?", String.join("\n", SCHEMAS.check(networks, JsonSchemas.COMPOSE).stream()
                .map(Object::toString).toList()));
    }

    @Test
    void valuesAreReadAsYaml12AndMergeKeysAreApplied() {
        // YAML 1.1 would read 80:80 as a number (sexagesimal) and yes as a boolean; Compose reads strings
        ConfigFile file = read("compose.yaml", """
                x-defaults: &defaults
                  restart: unless-stopped
                  environment:
                    DEBUG: yes
                services:
                  web:
                    <<: *defaults
                    image: nginx
                    ports:
                      - 80:80
                      - 0x1F
                """);
        assertEquals(List.of(), SCHEMAS.check(file, JsonSchemas.COMPOSE));
        ConfigFile wrong = read("compose.yaml", """
                x-defaults: &defaults
                  restart: [always]
                services:
                  web:
                    <<: *defaults
                    image: nginx
                """);
        // the merged value is reported where it is written
        assertEquals("compose.yaml:2:12: error[schema]: `services.web.restart` is a list; the compose schema wants a string\n"
                + "  hint: write it as a string", String.join("\n", SCHEMAS.check(wrong, JsonSchemas.COMPOSE).stream()
                .map(Object::toString).toList()));
    }

    @Test
    void aFailedOneOfIsToldByTheAlternativeThatFitsBest() {
        // build is a string or a mapping: a mapping with a misspelled key is about that key, not "a string was expected"
        ConfigFile file = read("compose.yaml", """
                services:
                  web:
                    build:
                      contex: .
                    healthcheck:
                      test: 5
                """);
        assertEquals("""
                compose.yaml:4:7: error[schema]: `services.web.build.contex`: the compose schema has no key `contex` here
                  hint: did you mean `context`?
                compose.yaml:6:13: error[schema]: `services.web.healthcheck.test` is a number; the compose schema wants a string or a list
                  hint: write it as a string""", String.join("\n", SCHEMAS.check(file, JsonSchemas.COMPOSE).stream()
                .map(Object::toString).toList()));
    }
}
