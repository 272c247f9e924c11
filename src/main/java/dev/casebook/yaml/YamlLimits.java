package dev.casebook.yaml;

/**
 * Bounds that keep hostile YAML from exhausting the build: input size, nesting depth, aliases to
 * collections, and the number of nodes after aliases are expanded (the "billion laughs" guard).
 */
public record YamlLimits(int maxCodePoints, int maxDepth, int maxCollectionAliases, int maxNodes) {

    /** Generous for any real config or front matter, far below what could hurt. */
    public static final YamlLimits DEFAULT = new YamlLimits(1_000_000, 64, 100, 100_000);
}
