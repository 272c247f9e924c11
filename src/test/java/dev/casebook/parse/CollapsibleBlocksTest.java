package dev.casebook.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
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

    /**
     * The lines the module is not asked about are those it could not start a block on: every
     * input parses to the same tree with and without the shortcut (rendered by the module's own
     * renderer, which shows each block's kind, title and content; its icons are left out).
     */
    @Test
    void blocksParseAsTheModuleParsesThem() {
        MutableDataSet moduleOptions = new MutableDataSet();
        moduleOptions.set(Parser.EXTENSIONS, List.of(AdmonitionExtension.create()));
        moduleOptions.set(AdmonitionExtension.TYPE_SVG_MAP, Map.of()); // the icons are left out on both sides
        Parser module = Parser.builder(moduleOptions).build();
        MutableDataSet quickOptions = new MutableDataSet();
        quickOptions.set(Parser.EXTENSIONS, List.of(new CollapsibleBlocks()));
        Parser quick = Parser.builder(quickOptions).build();
        HtmlRenderer renderer = HtmlRenderer.builder(moduleOptions).build();
        List<String> inputs = List.of(
                "!!! note \"Title\"\n    Body text.\n",
                "???+ danger\n    Open.\n\n??? tip\n    Folded.\n",
                "Paragraph\n!!! warning\n    Interrupts it.\n",
                "- item\n\n    !!! note\n        Inside a list item.\n",
                "> !!! quote\n>     In a quote.\n",
                "   !!! info\n       Three spaces in.\n",
                "!!!note\n    No space after the marker.\n",
                "!! note\n?? tip\n!?! x\n",
                "!!!\n???\n",
                "Text with !!! inside and ??? too.\n");
        int blocks = 0;
        for (String input : inputs) {
            String expected = renderer.render(module.parse(input));
            assertEquals(expected, renderer.render(quick.parse(input)), input);
            blocks += expected.split("adm-block", -1).length - 1;
        }
        assertEquals(7, blocks, "the inputs hold seven blocks, as the module parses them");
    }

    @Test
    void aBlockMayStartOnlyAtThreeMarks() {
        assertTrue(CollapsibleBlocks.mayStart("!!! note", 0));
        assertTrue(CollapsibleBlocks.mayStart("  ???+ tip", 2));
        assertEquals(false, CollapsibleBlocks.mayStart("!! note", 0));
        assertEquals(false, CollapsibleBlocks.mayStart("!?! note", 0));
        assertEquals(false, CollapsibleBlocks.mayStart("!!", 0));
        assertEquals(false, CollapsibleBlocks.mayStart("text", 4));
    }
}
