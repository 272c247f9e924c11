package dev.casebook.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void stringsAreQuotedWithEveryEscapeRfc8259AsksFor() {
        assertEquals("\"\"", Json.string(""));
        assertEquals("\"plain 中文 🙂\"", Json.string("plain 中文 🙂"));
        assertEquals("\"say \\\"hi\\\" C:\\\\dir\\nnext\\r\\tend\\u0007\\u001f/\"", Json.string("say \"hi\" C:\\dir\nnext\r\tend\u0007\u001f/"));
        assertEquals("\"\\\"\"", Json.string("\""));
    }
}
