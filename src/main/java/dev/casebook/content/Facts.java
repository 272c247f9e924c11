package dev.casebook.content;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an article says that does not depend on language, written once in either translation's
 * front matter: tags, products, the exact error strings it solves, the versions it was verified
 * with (product to version), and where its configs run ({@code wren_ai_service_version},
 * {@code deployment}, {@code host_os}), which some snippet rules depend on.
 */
public record Facts(List<String> tags, List<String> products, List<String> errors, SortedMap<String, String> verifiedWith,
                    Optional<String> wrenAiServiceVersion, Optional<String> deployment, Optional<String> hostOs) {

    public static final Facts NONE = new Facts(List.of(), List.of(), List.of(), new TreeMap<>(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public Facts {
        tags = List.copyOf(tags);
        products = List.copyOf(products);
        errors = List.copyOf(errors);
        verifiedWith = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(verifiedWith));
    }
}
