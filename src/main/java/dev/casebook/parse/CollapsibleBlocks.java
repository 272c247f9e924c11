package dev.casebook.parse;

import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * MkDocs' {@code !!!} and {@code ???} blocks, parsed by flexmark's admonition module but without its
 * HTML renderer, which would add an SVG sprite and needs its own script: Casebook renders the blocks
 * itself as callouts and {@code <details>}.
 */
final class CollapsibleBlocks implements Parser.ParserExtension {

    private final AdmonitionExtension admonitions = AdmonitionExtension.create();

    @Override
    public void parserOptions(MutableDataHolder options) {
        admonitions.parserOptions(options);
    }

    @Override
    public void extend(Parser.Builder builder) {
        admonitions.extend(builder);
    }
}
