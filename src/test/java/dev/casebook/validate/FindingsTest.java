package dev.casebook.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.casebook.diag.SourcePos;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine names the rule; a check cannot report another rule's finding or a variant its YAML lacks. */
class FindingsTest {

    private static final Rule LLM001 = Catalog.builtIn().rule("LLM001").orElseThrow();
    private static final SourcePos AT = new SourcePos("config.yaml", 3, 5);

    @Test
    void findingsCarryTheRuleTheEngineRuns() {
        List<Finding> out = new ArrayList<>();
        Findings findings = new Findings(LLM001, out);
        findings.add(AT, Map.of("model", "openai/x"));
        findings.add(findings.at(AT, Map.of("model", "openai/y")).variant("empty"));
        assertEquals(List.of("LLM001:default", "LLM001:empty"), out.stream().map(f -> f.rule() + ":" + f.variant()).toList());
    }

    @Test
    void anotherRulesFindingOrAnUnknownVariantIsABug() {
        Findings findings = new Findings(LLM001, new ArrayList<>());
        assertEquals("the check of LLM001 reported a finding of LLM002",
                assertThrows(IllegalStateException.class, () -> findings.add(Finding.of("LLM002", AT, Map.of()))).getMessage());
        assertEquals("LLM001 has no message variant `nonesuch` in its YAML",
                assertThrows(IllegalStateException.class, () -> findings.add(findings.at(AT, Map.of()).variant("nonesuch"))).getMessage());
    }
}
