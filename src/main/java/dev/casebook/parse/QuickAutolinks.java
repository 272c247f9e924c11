package dev.casebook.parse;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * GFM autolinks, as flexmark's autolink extension makes them, for only the text that can hold
 * one. The extension unescapes every text node and runs its link extractor and a regular
 * expression over it: more than half of parsing a 1,000-article site. A bare URL needs a
 * {@code :}, an e-mail address an {@code @}, a web address {@code www.}; a backslash or an
 * entity could unescape into one of them. Text without any of these is left alone, which is
 * what the extension would do to it; other text goes to the extension itself.
 */
final class QuickAutolinks implements Parser.ParserExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    /** True when {@code text} holds something a link could start from. */
    static boolean mayHoldLink(CharSequence text) {
        return mayHoldLink(text.toString().toCharArray(), 0, text.length());
    }

    /** True when {@code text} from {@code start} to {@code end} holds something a link could start from. */
    static boolean mayHoldLink(char[] text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c == ':' || c == '@' || c == '&' || c == '\\') {
                return true;
            }
            if ((c == 'w' || c == 'W') && i + 3 < end && (text[i + 1] | 0x20) == 'w' && (text[i + 2] | 0x20) == 'w'
                    && text[i + 3] == '.') {
                return true;
            }
        }
        return false;
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            NodePostProcessor links = new AutolinkNodePostProcessor(document);
            Object base = document.getChars().getBase();
            char[] source = base instanceof String s ? SourceChars.of(s) : null;
            return new NodePostProcessor() {
                @Override
                public void process(NodeTracker state, Node node) {
                    BasedSequence chars = node.getChars();
                    int start = chars.getStartOffset();
                    int end = chars.getEndOffset();
                    boolean inSource = source != null && chars.getBase() == base && end - start == chars.length();
                    if (inSource ? mayHoldLink(source, start, end) : mayHoldLink(chars)) {
                        links.process(state, node);
                    }
                }
            };
        }
    }
}
