package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.parse.MarkdownParser;
import dev.casebook.render.SiteRenderer;
import org.junit.jupiter.api.Test;

/**
 * The warm-up thread swallows what fails, so that a failure is met where a stage reports it; a
 * sample that stopped parsing or rendering would then warm nothing, unnoticed. Run here directly.
 */
class WarmUpTest {

    @Test
    void theMarkdownSampleParses() {
        assertDoesNotThrow(MarkdownParser::warmUp);
    }

    @Test
    void theTemplateSampleRendersUnderTheRealEngineSettings() {
        assertEquals("<a href=\"/x?a=1&amp;b=2\">&lt;A&gt; &amp; É</a>.&quot;quoted&quot; 中文 2", SiteRenderer.warmUp());
    }
}
