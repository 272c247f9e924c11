package dev.casebook.content;

import java.util.List;

/**
 * What the validate stage concluded about one code block of a translation, for the page to show.
 *
 * @param kind  the config kind ({@code wren-config}, {@code dotenv}, ...), empty when not a config
 * @param rules the rule ids the block demonstrates ({@link Status#SHOWS}) or breaks ({@link Status#FAILS})
 */
public record SnippetVerdict(Status status, String kind, String group, List<String> rules) {

    public enum Status {
        /** Not a config (a command, a log): nothing to check. */
        NOT_CONFIG,
        /** Opted out with {@code nocheck}. */
        NOT_CHECKED,
        /** Checked, no rule fired at error level. */
        VALID,
        /** Checked, and it triggers exactly the rules its {@code expect=} names. */
        SHOWS,
        /** Checked, and it has problems (the build fails). */
        FAILS
    }

    public SnippetVerdict {
        rules = List.copyOf(rules);
    }

    public static final SnippetVerdict NOT_A_CONFIG = new SnippetVerdict(Status.NOT_CONFIG, "", "", List.of());
}
