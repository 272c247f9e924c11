package dev.casebook.content;

import dev.casebook.diag.SourcePos;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fenced code block and its info string: the language, then attributes such as
 * {@code file=config.yaml group=before expect=LLM001} and flags such as {@code nocheck}.
 *
 * @param code       the block's content
 * @param pos        where the content's first line starts in the file (the line after the fence)
 * @param fence      where the opening fence is, for diagnostics about the info string
 * @param tab        the content tab the block is in, if any: its environment applies to the block
 */
public record Snippet(String language, Map<String, String> attributes, List<String> flags, String code,
                      SourcePos pos, SourcePos fence, Optional<Tab> tab) {

    public Snippet {
        attributes = Map.copyOf(attributes);
        flags = List.copyOf(flags);
    }

    public Snippet(String language, Map<String, String> attributes, List<String> flags, String code, SourcePos pos,
                   SourcePos fence) {
        this(language, attributes, flags, code, pos, fence, Optional.empty());
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    /** The placeholder comment written into the HTML before the block, replaced when rendering. */
    public static String slot(int index) {
        return "<!--casebook-snippet:" + index + "-->";
    }
}
