package dev.casebook.diag;

/**
 * A position in a source file: the path relative to the site root (always with forward slashes),
 * and a 1-based line and column. Column counts Unicode code points, so a Chinese character is one
 * column, as editors and GitHub annotations show it.
 */
public record SourcePos(String path, int line, int column) implements Comparable<SourcePos> {

    public SourcePos {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("path is required");
        }
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** The whole file, when no finer position is known. */
    public static SourcePos file(String path) {
        return new SourcePos(path, 1, 1);
    }

    @Override
    public int compareTo(SourcePos other) {
        int byPath = path.compareTo(other.path);
        if (byPath != 0) {
            return byPath;
        }
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column;
    }
}
