package dev.casebook.parse;

import dev.casebook.diag.SourcePos;
import java.util.Arrays;

/** Turns character offsets in a Markdown body into file positions (1-based line and code-point column). */
final class LineIndex {

    private final String text;
    private final String path;
    private final int lineOffset;
    private final int[] starts;

    LineIndex(String text, String path, int lineOffset) {
        this.text = text;
        this.path = path;
        this.lineOffset = lineOffset;
        int[] s = new int[16];
        int n = 0;
        s[n++] = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (n == s.length) {
                s = Arrays.copyOf(s, n * 2);
            }
            s[n++] = i + 1;
        }
        this.starts = Arrays.copyOf(s, n);
    }

    SourcePos at(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int i = Arrays.binarySearch(starts, clamped);
        int line = i >= 0 ? i : -i - 2;
        int column = text.codePointCount(starts[line], clamped) + 1;
        return new SourcePos(path, line + 1 + lineOffset, column);
    }
}
