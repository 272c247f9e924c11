package dev.casebook.parse;

import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.admonition.internal.AdmonitionBlockParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.Map;
import java.util.Set;

/**
 * MkDocs' {@code !!!} and {@code ???} blocks, parsed by flexmark's admonition module but without its
 * HTML renderer, which would add an SVG sprite and needs its own script: Casebook renders the blocks
 * itself as callouts and {@code <details>}.
 *
 * <p>The module's block parser is asked about every line that could start a block, and for each one
 * it formats and compiles its regular expression before matching it; a block can only start where
 * the line's text starts with {@code !!!} or {@code ???}, which the expression requires. Lines
 * without either are answered here, as the module would answer them, and the others go to it (a
 * profile of 10,000 articles: a fifth of the parse stage's samples and 2.3 GB allocated).
 */
final class CollapsibleBlocks implements Parser.ParserExtension {

    /*
     * The module's options, made once. Left unset, each is made again for every document parsed:
     * the module's parser reads them when a document's parse starts, and the icons' default reads
     * twelve SVG files out of the jar (a profile of 10,000 articles: a tenth of the build's CPU
     * samples and 4 GB of its 26 GB allocated). The icons are its renderer's, which Casebook
     * does not use; the qualifiers and titles stay the module's own.
     */
    private static final Map<String, String> QUALIFIER_TYPES = Map.copyOf(AdmonitionExtension.getQualifierTypeMap());
    private static final Map<String, String> QUALIFIER_TITLES = Map.copyOf(AdmonitionExtension.getQualifierTitleMap());

    private final AdmonitionExtension admonitions = AdmonitionExtension.create();

    @Override
    public void parserOptions(MutableDataHolder options) {
        admonitions.parserOptions(options);
        options.set(AdmonitionExtension.QUALIFIER_TYPE_MAP, QUALIFIER_TYPES);
        options.set(AdmonitionExtension.QUALIFIER_TITLE_MAP, QUALIFIER_TITLES);
        options.set(AdmonitionExtension.TYPE_SVG_MAP, Map.of());
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new Factory(new AdmonitionBlockParser.Factory()));
    }

    /** True when {@code line} holds {@code !!!} or {@code ???} from {@code at}: where a block may start. */
    static boolean mayStart(CharSequence line, int at) {
        if (at < 0 || at + 3 > line.length()) {
            return false;
        }
        char c = line.charAt(at);
        return (c == '!' || c == '?') && line.charAt(at + 1) == c && line.charAt(at + 2) == c;
    }

    /** The module's factory, asked only about lines where a block may start. */
    private static final class Factory implements CustomBlockParserFactory {
        private final CustomBlockParserFactory module;

        Factory(CustomBlockParserFactory module) {
            this.module = module;
        }

        @Override
        public BlockParserFactory apply(DataHolder options) {
            BlockParserFactory parser = module.apply(options);
            return (state, matched) -> {
                BasedSequence line = state.getLine();
                return mayStart(line, state.getNextNonSpaceIndex()) ? parser.tryStart(state, matched) : BlockStart.none();
            };
        }

        @Override
        public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
            return module.getLeadInHandler(options);
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return module.getAfterDependents();
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return module.getBeforeDependents();
        }

        @Override
        public boolean affectsGlobalScope() {
            return module.affectsGlobalScope();
        }
    }
}
