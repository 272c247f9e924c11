package dev.casebook.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dotted release number ({@code 0.22.1}), compared part by part. A Python packaging suffix
 * ({@code 1.72.6.post1}, {@code 1.73.0.rc.1}, {@code 1.73.0rc1}) is read as the release it belongs to.
 */
public record Version(List<Integer> parts) implements Comparable<Version> {

    public Version {
        parts = List.copyOf(parts);
    }

    public static Optional<Version> parse(String text) {
        String t = text.strip();
        if (t.startsWith("v")) {
            t = t.substring(1);
        }
        t = t.replaceFirst("(?:\\.?post|\\.?rc\\.?|\\.?dev|[ab])\\d+$", "");
        if (!t.matches("\\d+(\\.\\d+){0,3}")) {
            return Optional.empty();
        }
        List<Integer> parts = new ArrayList<>();
        for (String p : t.split("\\.")) {
            parts.add(Integer.parseInt(p));
        }
        return Optional.of(new Version(parts));
    }

    public static Version of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a version: " + text));
    }

    @Override
    public int compareTo(Version o) {
        for (int i = 0; i < Math.max(parts.size(), o.parts.size()); i++) {
            int a = i < parts.size() ? parts.get(i) : 0;
            int b = i < o.parts.size() ? o.parts.get(i) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return String.join(".", parts.stream().map(String::valueOf).toList());
    }
}
