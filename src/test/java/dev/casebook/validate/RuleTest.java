package dev.casebook.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rule's message is its template with the finding's values in their places, and nothing else. */
class RuleTest {

    @Test
    void anEmptyValueInACodeSpanReadsAsTheEmptyString() {
        assertEquals("LiteLLM cannot infer a provider from `\"\"`: requests fail.",
                Rule.fill("LiteLLM cannot infer a provider from `{model}`: requests fail.", Map.of("model", "")));
        assertEquals("key  is empty", Rule.fill("key {name} is empty", Map.of("name", "")), "outside a code span it stays empty");
    }

    @Test
    void aValueIsNeverReadAsAPlaceholder() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("model", "{key}");
        args.put("key", "OPENAI_API_KEY");
        assertEquals("`{key}` needs `OPENAI_API_KEY`", Rule.fill("`{model}` needs `{key}`", args));
    }

    @Test
    void unknownAndUnclosedBracesStay() {
        assertEquals("{other} and { and `x` {", Rule.fill("{other} and { and `{model}` {", Map.of("model", "x")));
    }
}
