package dev.casebook.parse;

import dev.casebook.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounds on a Markdown body, checked in one linear pass before flexmark reads it. The parser is
 * recursive in nesting and slower than linear in some inline constructs of one paragraph, so
 * content from a pull request could otherwise overflow the stack or keep CI busy for minutes.
 * Real articles stay far below every bound; code inside fenced blocks is not counted.
 *
 * <p>Diagnostic id: {@code markdown-limit} (error), at the line that goes past a bound.
 */
final class MarkdownLimits {

    static final int MAX_LINE = 20_000;
    static final int MAX_QUOTE_DEPTH = 32;
    static final int MAX_LIST_INDENT = 64;
    static final int MAX_DELIMITER_RUN = 100;
    static final int MAX_LINKS_PER_PARAGRAPH = 1_000;
    static final int MAX_BACKTICK_RUNS_PER_PARAGRAPH = 1_000;
    static final int MAX_LINKS = 10_000;
    static final int MAX_REFERENCE_DEFINITIONS = 5_000;

    /** The characters the per-character bounds look at: delimiter runs, link openings, code spans. */
    private static final boolean[] COUNTED = new boolean[128];

    static {
        for (char c : "*_~]`".toCharArray()) {
            COUNTED[c] = true;
        }
    }

    private MarkdownLimits() {
    }

    /** The problems of {@code body}, at most one per bound, positioned in the file. */
    static List<Diagnostic> check(String body, LineIndex lines) {
        char[] text = SourceChars.of(body);
        List<Diagnostic> problems = new ArrayList<>();
        boolean[] reported = new boolean[8];
        int definitions = 0;
        int paragraphLinks = 0;
        int paragraphTicks = 0;
        int links = 0;
        char fence = 0; // the character of the open fence, ` or ~
        int start = 0;
        while (start <= text.length) {
            int end = start;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            int length = end - start;
            int first = start; // the first character that is not white space, within 200 of the start
            int head = Math.min(end, start + 200);
            while (first < head && Character.isWhitespace(text[first])) {
                first++;
            }
            if (fence != 0) {
                if (isFence(text, first, head, fence)) {
                    fence = 0;
                }
            } else if (isFence(text, first, head, '`') || isFence(text, first, head, '~')) {
                fence = text[first];
            } else {
                if (length > MAX_LINE) {
                    report(problems, reported, 0, lines, start, "a line of " + length + " characters (the limit is " + MAX_LINE + ")",
                            "break the line; long data belongs in a bundle file");
                }
                if (isBlank(text, first, end)) {
                    paragraphLinks = 0;
                    paragraphTicks = 0;
                }
                int quotes = 0;
                int column = 0;
                for (int i = start; i < end; i++) {
                    char c = text[i];
                    if (c == '>') {
                        quotes++;
                    } else if (c != ' ' && c != '\t') {
                        break;
                    }
                }
                if (quotes > MAX_QUOTE_DEPTH) {
                    report(problems, reported, 1, lines, start, "block quotes nested " + quotes + " deep (the limit is " + MAX_QUOTE_DEPTH + ")",
                            "flatten the quotes");
                }
                for (int i = start; i < end && (text[i] == ' ' || text[i] == '\t'); i++) {
                    column += text[i] == '\t' ? 4 : 1;
                }
                if (column > MAX_LIST_INDENT && isListItem(text, start + leading(text, start, end), end)) {
                    report(problems, reported, 2, lines, start, "a list item indented " + column + " columns (the limit is "
                            + MAX_LIST_INDENT + ")", "nest lists less deeply");
                }
                int run = 0;
                char runOf = 0;
                for (int i = start; i < end; i++) {
                    char c = text[i];
                    if (c >= COUNTED.length || !COUNTED[c]) { // most characters: only ends a run
                        run = 0;
                        runOf = 0;
                        continue;
                    }
                    if ((c == '*' || c == '_' || c == '~') && c == runOf) {
                        run++;
                    } else {
                        run = (c == '*' || c == '_' || c == '~') ? 1 : 0;
                        runOf = c;
                    }
                    if (run > MAX_DELIMITER_RUN) {
                        report(problems, reported, 3, lines, i, "a run of more than " + MAX_DELIMITER_RUN + " `" + c + "`",
                                "use a thematic break (---) or escape the characters");
                        break;
                    }
                    if (c == ']' && i + 1 < end && text[i + 1] == '(') {
                        paragraphLinks++;
                        links++;
                    }
                    if (c == '`' && (i == start || text[i - 1] != '`')) {
                        paragraphTicks++;
                    }
                }
                if (paragraphLinks > MAX_LINKS_PER_PARAGRAPH) {
                    report(problems, reported, 4, lines, start, "more than " + MAX_LINKS_PER_PARAGRAPH + " links in one paragraph",
                            "split the paragraph or make a list");
                }
                if (paragraphTicks > MAX_BACKTICK_RUNS_PER_PARAGRAPH) {
                    report(problems, reported, 5, lines, start, "more than " + MAX_BACKTICK_RUNS_PER_PARAGRAPH
                            + " code spans in one paragraph", "split the paragraph, or put the text in a fenced block");
                }
                if (isReferenceDefinition(text, start, end) && ++definitions > MAX_REFERENCE_DEFINITIONS) {
                    report(problems, reported, 7, lines, start, "more than " + MAX_REFERENCE_DEFINITIONS
                            + " link reference definitions in one article", "split the article");
                }
                if (links > MAX_LINKS) {
                    report(problems, reported, 6, lines, start, "more than " + MAX_LINKS + " links in one article",
                            "split the article");
                }
            }
            start = end + 1;
        }
        return problems;
    }

    /** Three {@code c} at {@code at}, before {@code end}: a code fence. */
    private static boolean isFence(char[] text, int at, int end, char c) {
        return at + 3 <= end && text[at] == c && text[at + 1] == c && text[at + 2] == c;
    }

    /** Only white space from {@code from} to {@code end}. */
    private static boolean isBlank(char[] text, int from, int end) {
        for (int i = from; i < end; i++) {
            if (!Character.isWhitespace(text[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code [label]: destination}, indented at most three spaces, on the line from {@code start} to {@code end}. */
    private static boolean isReferenceDefinition(char[] text, int start, int end) {
        int i = start;
        while (i < end && i - start < 3 && text[i] == ' ') {
            i++;
        }
        if (i >= end || text[i] != '[') {
            return false;
        }
        for (int close = i + 1; close + 1 < end; close++) {
            if (text[close] == ']' && text[close + 1] == ':') {
                return true;
            }
        }
        return false;
    }

    private static int leading(char[] text, int start, int end) {
        int i = start;
        while (i < end && (text[i] == ' ' || text[i] == '\t')) {
            i++;
        }
        return i - start;
    }

    private static boolean isListItem(char[] text, int at, int end) {
        if (at >= end) {
            return false;
        }
        char c = text[at];
        if ((c == '-' || c == '*' || c == '+') && (at + 1 == end || text[at + 1] == ' ')) {
            return true;
        }
        int i = at;
        while (i < end && Character.isDigit(text[i]) && i - at < 9) {
            i++;
        }
        return i > at && i < end && (text[i] == '.' || text[i] == ')');
    }

    private static void report(List<Diagnostic> problems, boolean[] reported, int bound, LineIndex lines, int offset,
                               String what, String hint) {
        if (!reported[bound]) {
            reported[bound] = true;
            problems.add(Diagnostic.error("markdown-limit", lines.at(offset), "Markdown beyond a safety limit: " + what, hint));
        }
    }
}
