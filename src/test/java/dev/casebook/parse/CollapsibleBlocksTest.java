package dev.casebook.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollapsibleBlocksTest {

    /**
     * flexmark's admonition parser reads these three options at the start of every document; left
     * to their defaults, each read builds the map again (the icons from twelve files in the jar).
     */
    @Test
    void theModuleOptionsAreMadeOnceAndKeepItsQualifiers() {
        MutableDataSet first = new MutableDataSet();
        MutableDataSet second = new MutableDataSet();
        new CollapsibleBlocks().parserOptions(first);
        new CollapsibleBlocks().parserOptions(second);

        Map<String, String> types = AdmonitionExtension.QUALIFIER_TYPE_MAP.get(first);
        assertSame(types, AdmonitionExtension.QUALIFIER_TYPE_MAP.get(second));
        assertSame(types, AdmonitionExtension.QUALIFIER_TYPE_MAP.get(first));
        assertEquals(AdmonitionExtension.getQualifierTypeMap(), types);
        assertSame(AdmonitionExtension.QUALIFIER_TITLE_MAP.get(first), AdmonitionExtension.QUALIFIER_TITLE_MAP.get(second));
        assertEquals(AdmonitionExtension.getQualifierTitleMap(), AdmonitionExtension.QUALIFIER_TITLE_MAP.get(first));
        assertTrue(AdmonitionExtension.TYPE_SVG_MAP.get(first).isEmpty(), "the icons belong to a renderer Casebook does not use");
    }
}
