package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.casebook.content.SiteSchemas;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the preview keeps between builds. */
class BuildCacheTest {

    @Test
    void theSitesSchemasAreCompiledAgainOnlyWhenTheyChange() {
        BuildCache cache = new BuildCache();
        SiteSchemas one = new SiteSchemas(List.of(new SiteSchemas.File("tool", "content/_schemas/tool.schema.json",
                "{\"type\": \"object\"}")), List.of());
        var first = cache.schemas(one);
        assertEquals(List.of(), first.diagnostics());
        // an equal set read again by the next build: the compiled schemas are kept
        assertSame(first, cache.schemas(new SiteSchemas(List.copyOf(one.files()), List.of())));
        SiteSchemas edited = new SiteSchemas(List.of(new SiteSchemas.File("tool", "content/_schemas/tool.schema.json",
                "{\"type\": \"array\"}")), List.of());
        assertNotSame(first, cache.schemas(edited));
    }
}
