package dev.casebook.yaml;

/**
 * Bounds that keep hostile YAML from exhausting the build: input size, nesting depth, aliases to
 * collections, the number of nodes after aliases are expanded (the "billion laughs" guard), and
 * the characters of all scalars after expansion (an alias to one long string, repeated).
 */
public record YamlLimits(int maxCodePoints, int maxDepth, int maxCollectionAliases, int maxNodes, long maxExpandedChars) {

    /** Generous for any real config or front matter, far below what could hurt. */
    public static final YamlLimits DEFAULT = new YamlLimits(1_000_000, 64, 100, 100_000, 4_000_000);
}
