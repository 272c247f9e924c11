package dev.casebook.content;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an article says that does not depend on language, written once in either translation's
 * front matter: tags, products, the exact error strings it solves, and the versions it was
 * verified with (product to version).
 */
public record Facts(List<String> tags, List<String> products, List<String> errors, SortedMap<String, String> verifiedWith) {

    public static final Facts NONE = new Facts(List.of(), List.of(), List.of(), new TreeMap<>());

    public Facts {
        tags = List.copyOf(tags);
        products = List.copyOf(products);
        errors = List.copyOf(errors);
        verifiedWith = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(verifiedWith));
    }

    public Map<String, String> verifiedWithMap() {
        return verifiedWith;
    }
}
