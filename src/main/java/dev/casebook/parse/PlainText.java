package dev.casebook.parse;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;

/**
 * The readable text of a Markdown tree: words, inline code and code blocks, with blocks separated
 * by newlines. (flexmark's own text collector trips its internal assertions on some block quotes.)
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
    private static String tidy(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        int pendingBlanks = 0;
        int newlines = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                pendingBlanks++;
            } else if (c == '\n') {
                pendingBlanks = 0;
                if (++newlines <= 2) {
                    out.append('\n');
                }
            } else {
                for (int b = i - pendingBlanks; b < i; b++) {
                    out.append(text.charAt(b));
                }
                pendingBlanks = 0;
                newlines = 0;
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void collect(Node node, StringBuilder out) {
        if (node instanceof Text || node instanceof TextBase && !node.hasChildren()) {
            out.append(node.getChars());
            return;
        }
        if (node instanceof Code code) {
            out.append(code.getText());
            return;
        }
        if (node instanceof FencedCodeBlock fenced) {
            out.append(fenced.getContentChars()).append('\n');
            return;
        }
        if (node instanceof IndentedCodeBlock indented) {
            out.append(indented.getContentChars()).append('\n');
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
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            collect(child, out);
        }
        if (node instanceof Block && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
