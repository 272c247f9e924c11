package dev.casebook.parse;

import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.casebook.content.Tab;
import dev.casebook.diag.SourcePos;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Content tabs in MkDocs Material's syntax: {@code === "macOS"} followed by a block indented four spaces;
 * consecutive tabs form one set ({@code ===! "…"} starts a new one). After the label, {@code {key=value …}}
 * sets the environment of the tab's config snippets ({@code {host_os=mac}}).
 *
 * <p>Rendered without script as every panel under its label, so all of them read without JavaScript and
 * print; the site's script turns a set into an ARIA tab list.
 */
final class ContentTabs implements Parser.ParserExtension {

    private static final Pattern START = Pattern.compile("^===(!?)[ \\t]+\"([^\"\\n]*)\"(?:[ \\t]+\\{([^}\\n]*)})?[ \\t]*$");
    private static final int CONTENT_INDENT = 4;

    /** A tab: its label, the raw {@code {…}} attributes, and whether it starts a new set. */
    static final class TabBlock extends Block {
        String label = "";
        String attributes = "";
        boolean newSet;
        /** where the {@code ===} line starts in the source */
        int opening;

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        // no options
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new Factory());
    }

    private static final class TabParser extends AbstractBlockParser {
        private final TabBlock block = new TabBlock();

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public boolean isContainer() {
            return true;
        }

        @Override
        public boolean canContain(ParserState state, BlockParser parser, Block child) {
            return true;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            if (state.isBlank()) {
                return BlockContinue.atIndex(state.getNextNonSpaceIndex());
            }
            if (state.getIndent() >= CONTENT_INDENT) {
                return BlockContinue.atColumn(state.getColumn() + CONTENT_INDENT);
            }
            return BlockContinue.none();
        }

        @Override
        public void closeBlock(ParserState state) {
            block.setCharsFromContent();
        }
    }

    private static final class Factory extends Unordered implements CustomBlockParserFactory {
        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new AbstractBlockParserFactory(options) {
                @Override
                public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                    if (state.getIndent() >= CONTENT_INDENT || matched.getBlockParser().isParagraphParser()) {
                        return BlockStart.none();
                    }
                    BasedSequence line = state.getLine();
                    int at = state.getNextNonSpaceIndex();
                    // asked about nearly every line: only one whose text starts with === is made a string and matched
                    if (at + 3 > line.length() || line.charAt(at) != '=' || line.charAt(at + 1) != '=' || line.charAt(at + 2) != '=') {
                        return BlockStart.none();
                    }
                    Matcher m = START.matcher(line.subSequence(state.getNextNonSpaceIndex(), line.length()).toString()
                            .replaceFirst("\\n$", ""));
                    if (!m.matches()) {
                        return BlockStart.none();
                    }
                    TabParser parser = new TabParser();
                    parser.block.newSet = !m.group(1).isEmpty();
                    parser.block.opening = line.getStartOffset() + state.getNextNonSpaceIndex();
                    parser.block.label = m.group(2).strip();
                    parser.block.attributes = m.group(3) == null ? "" : m.group(3);
                    return BlockStart.of(parser).atIndex(line.length());
                }
            };
        }
    }

    /** The tab a node is in (the nearest), or null. */
    static TabBlock enclosing(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof TabBlock tab) {
                return tab;
            }
        }
        return null;
    }

    /** True when {@code tab} continues the set of the tab before it. */
    static boolean continuesSet(TabBlock tab) {
        return tab.getPrevious() instanceof TabBlock && !tab.newSet;
    }

    private static boolean endsSet(TabBlock tab) {
        return !(tab.getNext() instanceof TabBlock next) || next.newSet;
    }

    /** The tab as content knows it, numbered within the translation. */
    static Tab describe(TabBlock tab, int set, int index, SourcePos pos) {
        InfoString written = InfoString.parse(tab.attributes);
        Map<String, String> environment = new LinkedHashMap<>();
        // a bare word is kept as a key without a value, so that the validate stage names it
        if (!written.language().isEmpty()) {
            environment.put(written.language(), "");
        }
        written.flags().forEach(f -> environment.put(f, ""));
        environment.putAll(written.attributes());
        return new Tab(set, index, tab.label, environment, pos);
    }

    /**
     * One panel: a set opens before its first tab and closes after its last. Each panel carries its label
     * as a paragraph, which the script hides once it has made the tab list.
     */
    static void render(TabBlock node, Tab tab, NodeRendererContext context, HtmlWriter html) {
        String id = "tabs-" + tab.set() + "-" + (tab.index() + 1);
        if (!continuesSet(node)) {
            html.line().raw("<div class=\"tabs\">").line();
        }
        html.raw("<div class=\"tab-panel\" id=\"").raw(id).raw("\" data-label=\"").text(tab.label()).raw("\">").line();
        html.raw("<p class=\"tab-label\">").text(tab.label()).raw("</p>").line();
        context.renderChildren(node);
        html.raw("</div>").line();
        if (endsSet(node)) {
            html.raw("</div>").line();
        }
    }
}
