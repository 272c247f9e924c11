package dev.casebook.content;

import java.util.List;

/**
 * What the validate stage concluded about one code block of a translation, for the page to show.
 *
 * @param kind   the config kind ({@code wren-config}, {@code dotenv}, ...), empty when not a config
 * @param rules  the rule ids the block demonstrates ({@link Status#SHOWS}) or breaks ({@link Status#FAILS});
 *               {@link #SCHEMA} stands for its JSON Schema's findings
 * @param ruled  rules read its kind of file, so the check page, which runs the rules, can check it too
 * @param reason why a {@link Status#NOT_CHECKED} block was not checked: {@link #NOCHECK}, {@link #UNKNOWN_KIND}
 *               or {@link #FACTS}; empty otherwise
 */
public record SnippetVerdict(Status status, String kind, String group, List<String> rules, boolean ruled, String reason) {

    public enum Status {
        /** Not a config (a command, a log): nothing to check. */
        NOT_CONFIG,
        /** Nothing checked it: see the reason. */
        NOT_CHECKED,
        /** Checked, no rule fired at error level. */
        VALID,
        /** Checked, and it triggers exactly the rules its {@code expect=} names. */
        SHOWS,
        /** Checked, and it has problems (the build fails). */
        FAILS
    }

    /** The id a snippet's {@code expect=} and a verdict use for a JSON Schema's findings (also their diagnostic id). */
    public static final String SCHEMA = "schema";
    /** The block opted out. */
    public static final String NOCHECK = "nocheck";
    /** No rule of the site's packs reads its kind of file, and no schema applies to it. */
    public static final String UNKNOWN_KIND = "unknown-kind";
    /** The front matter that says where the configs run is broken, so the rules wait for the fix. */
    public static final String FACTS = "facts";

    public SnippetVerdict {
        rules = List.copyOf(rules);
    }

    public static final SnippetVerdict NOT_A_CONFIG = new SnippetVerdict(Status.NOT_CONFIG, "", "", List.of(), false, "");

    public static SnippetVerdict notChecked(String kind, String group, String reason) {
        return new SnippetVerdict(Status.NOT_CHECKED, kind, group, List.of(), false, reason);
    }

}
