package dev.casebook.parse;

import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Map;

/**
 * MkDocs' {@code !!!} and {@code ???} blocks, parsed by flexmark's admonition module but without its
 * HTML renderer, which would add an SVG sprite and needs its own script: Casebook renders the blocks
 * itself as callouts and {@code <details>}.
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
        admonitions.extend(builder);
    }
}
