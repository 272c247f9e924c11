package dev.casebook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
}
