package dev.casebook.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hand-written URL reader (the browser build has no dependable java.net.URI) reads what URI read. */
class UrlTest {

    @Test
    void readsSchemeHostPortAndPath() {
        assertEquals(Optional.of(new Url("http", "qdrant", 6333, "")), Url.parse("qdrant:6333"));
        assertEquals(Optional.of(new Url("http", "host.docker.internal", 11434, "/v1")), Url.parse("http://host.docker.internal:11434/v1"));
        assertEquals(Optional.of(new Url("https", "api.openai.com", 443, "/v1/")), Url.parse(" HTTPS://API.OpenAI.com/v1/?x=1#top "));
        assertEquals(Optional.of(new Url("https", "::1", 8443, "/v1")), Url.parse("https://[::1]:8443/v1"));
        assertEquals(Optional.of(new Url("http", "ollama", 11434, "")), Url.parse("http://user:secret@ollama:11434"));
    }

    @Test
    void whatIsNotAUrlIsNotRead() {
        for (String bad : new String[] {"", "http://", "https://raw.githubusercontent.com/canner/WrenAI/<WRENAI_VERSION_NUMBER>/x",
                "http://my_service:80", "http://host:port", "http://host:123456", "a b", "http://[::1", "http://.host/",
                "http://a..b/", "http://-host/", "http://host-/", "http://a-.b/"}) {
            assertEquals(Optional.empty(), Url.parse(bad), bad);
        }
    }
}
