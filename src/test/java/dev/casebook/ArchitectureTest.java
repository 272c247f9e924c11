package dev.casebook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the main code, as the architecture note draws it: diagnostics ← content ←
 * stages ← pipeline ← commands, stages talking only through content records, and each
 * third-party library used from its one package.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.casebook.";
    private static final List<String> STAGES = List.of("load", "parse", "validate", "check", "search", "render", "publish");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.casebook");
    }

    private static String[] packages(String... names) {
        return Arrays.stream(names).map(n -> ROOT + n + "..").toArray(String[]::new);
    }

    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Diagnostics").definedBy(packages("diag"))
                .layer("YAML").definedBy(packages("yaml"))
                .layer("Content").definedBy(packages("content"))
                .layer("Stages").definedBy(packages(STAGES.toArray(String[]::new)))
                .layer("Pipeline").definedBy(packages("pipeline"))
                .layer("Commands").definedBy(packages("cli", "serve", "browser"))
                .whereLayer("Commands").mayOnlyBeAccessedByLayers("Commands")
                .whereLayer("Pipeline").mayOnlyBeAccessedByLayers("Commands")
                .whereLayer("Stages").mayOnlyBeAccessedByLayers("Pipeline", "Commands")
                .whereLayer("Content").mayOnlyBeAccessedByLayers("Stages", "Pipeline", "Commands")
                .whereLayer("YAML").mayOnlyBeAccessedByLayers("Stages", "Commands")
                .check(main);
    }

    /**
     * Stages meet only in content records; the one exception is the render stage reading the rule
     * catalog (rule data and examples) for the rule pages.
     */
    @Test
    void stagesDoNotImportEachOther() {
        for (String stage : STAGES) {
            String[] others = STAGES.stream().filter(s -> !s.equals(stage))
                    .filter(s -> !(stage.equals("render") && s.equals("validate")))
                    .map(s -> ROOT + s + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage(ROOT + stage + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("stages talk through the records of dev.casebook.content")
                    .check(main);
        }
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.casebook.(*)..").should().beFreeOfCycles().check(main);
    }

    /** Each library is wrapped by one package, so replacing it touches one folder. */
    @Test
    void eachLibraryIsUsedFromItsOnePackage() {
        Map<String, String> owners = Map.of(
                "com.vladsch.flexmark..", "parse",
                "io.pebbletemplates..", "render",
                "org.yaml.snakeyaml..", "yaml",
                "picocli..", "cli",
                "io.methvin..", "serve",
                "com.sun.net.httpserver..", "serve",
                "org.teavm..", "browser",
                "com.networknt..", "validate.schema",
                "com.fasterxml.jackson..", "validate.schema");
        owners.forEach((library, owner) -> noClasses().that().resideOutsideOfPackage(ROOT + owner + "..")
                .should().dependOnClassesThat().resideInAPackage(library)
                .because(library + " is used from " + ROOT + owner + " only")
                .check(main));
    }

    /** A class that outgrows 500 lines is doing more than one job: split it before it becomes a hall. */
    @Test
    void noMainSourceFileIsOver500Lines() throws IOException {
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                long lines = Files.readAllLines(file).size();
                if (lines > 500) {
                    long_.add(file + ": " + lines);
                }
            }
        }
        assertEquals(List.of(), long_);
    }
}
