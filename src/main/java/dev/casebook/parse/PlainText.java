package dev.casebook.parse;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * The readable text of a Markdown tree: words, inline code and code blocks, with blocks separated
 * by newlines and a table's cells by " · ", one row per line (its delimiter row left out). (flexmark's own text collector trips its internal assertions on some block quotes.)
 */
final class PlainText {

    private PlainText() {
    }

    static String of(Node node) {
        StringBuilder out = new StringBuilder();
        collect(node, out);
        return tidy(out).strip();
    }

    // Drops spaces and tabs at line ends and keeps at most one blank line, in one linear pass (a
    // backtracking regex here took seconds on a line of many spaces).
    private static String tidy(StringBuilder text) {
        int n = text.length();
        char[] in = new char[n];
        text.getChars(0, n, in, 0);
        char[] out = new char[n];
        int o = 0;
        int pendingBlanks = 0;
        int newlines = 0;
        for (int i = 0; i < n; i++) {
            char c = in[i];
            if (c == ' ' || c == '\t') {
                pendingBlanks++;
            } else if (c == '\n') {
                pendingBlanks = 0;
                if (++newlines <= 2) {
                    out[o++] = '\n';
                }
            } else {
                if (pendingBlanks > 0) { // blanks inside a line stay
                    System.arraycopy(in, i - pendingBlanks, out, o, pendingBlanks);
                    o += pendingBlanks;
                    pendingBlanks = 0;
                }
                newlines = 0;
                out[o++] = c;
            }
        }
        return new String(out, 0, o);
    }

    /** Appends {@code chars}: a slice of the Markdown string straight from it, anything else char by char. */
    private static void append(StringBuilder out, BasedSequence chars) {
        if (chars instanceof SubSequence && chars.getBase() instanceof String base) {
            out.append(base, chars.getStartOffset(), chars.getEndOffset());
        } else {
            out.append(chars);
        }
    }

    private static void collect(Node node, StringBuilder out) {
        if (node instanceof Text || node instanceof TextBase && !node.hasChildren()) {
            append(out, node.getChars());
            return;
        }
        if (node instanceof Code code) {
            append(out, code.getText());
            return;
        }
        if (node instanceof FencedCodeBlock fenced) {
            append(out, fenced.getContentChars());
            out.append('\n');
            return;
        }
        if (node instanceof IndentedCodeBlock indented) {
            append(out, indented.getContentChars());
            out.append('\n');
            return;
        }
        if (node instanceof SoftLineBreak) {
            out.append(' ');
            return;
        }
        if (node instanceof HardLineBreak) {
            out.append('\n');
            return;
        }
        if (node instanceof TableSeparator) {
            return;
        }
        if (node instanceof ContentTabs.TabBlock tab) {
            // the label is text a reader sees (and searches for): "macOS", "Before 0.16"
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            out.append(tab.label).append('\n');
        }
        if (node instanceof TableCell) {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append(" · ");
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                collect(child, out);
            }
            return;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            collect(child, out);
        }
        if ((node instanceof Block || node instanceof TableRow) && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
