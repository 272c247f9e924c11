package dev.casebook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Java tokenizer against the golden file that the JavaScript tests (node --test) read too. */
class TokenizerTest {

    static JsonNode golden() throws IOException {
        try (InputStream in = TokenizerTest.class.getResourceAsStream("/search/tokenizer-golden.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : golden().get("cases")) {
            List<Tokenizer.Token> tokens = new ArrayList<>();
            c.get("tokens").forEach(t -> tokens.add(new Tokenizer.Token(t.get(0).asText(), t.get(1).asText().charAt(0))));
            out.add(Arguments.of(c.get("input").asText(), tokens));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tokenizesAsTheGoldenFileSays(String input, List<Tokenizer.Token> expected) {
        assertEquals(expected, Tokenizer.tokenize(input));
    }

    static Stream<Arguments> volatiles() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = golden().get("volatile").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(Arguments.of(e.getKey(), e.getValue().asBoolean()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("volatiles")
    void volatileTokens(String token, boolean expected) {
        assertEquals(expected, Tokenizer.isVolatile(token));
    }

    /** The quick answers of isVolatile are the pattern's own: 200,000 tokens drawn from the characters ids are made of. */
    @Test
    void theVolatileShortcutAnswersAsThePatternDoes() {
        java.util.Random random = new java.util.Random(29);
        String alphabet = "0123456789abcdefghijklmnopqrstuvwxyz-_:.,";
        List<String> seeds = List.of("req-", "trace_", "chatcmpl-", "2025-03-06", "2025-03-06t12:16:01", "12:16:01.5",
                "550e8400-e29b-41d4-a716-446655440000", "deadbeefcafe", "1234567", "gpt-4o-mini", "llama3");
        int volatileOnes = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder token = new StringBuilder(n % 3 == 0 ? seeds.get(random.nextInt(seeds.size())) : "");
            int length = random.nextInt(16);
            for (int i = 0; i < length; i++) {
                token.append(alphabet.charAt(random.nextInt(n % 2 == 0 ? 16 : alphabet.length())));
            }
            String t = token.toString();
            assertEquals(Tokenizer.byPattern(t), Tokenizer.isVolatile(t), t);
            volatileOnes += Tokenizer.byPattern(t) ? 1 : 0;
        }
        assertTrue(volatileOnes > 10_000, "the draw holds volatile ids too: " + volatileOnes);
    }
}
