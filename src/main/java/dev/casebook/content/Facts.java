package dev.casebook.content;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an article says that does not depend on language, written once in either translation's
 * front matter: tags, products, the exact error strings it solves, the versions it was verified
 * with (product to version), and where its configs run ({@code wren_ai_service_version},
 * {@code deployment}, {@code host_os}), which some snippet rules depend on. {@code unreadable}
 * names the facts that were written but could not be read, so checks that depend on them skip
 * rather than assume a default.
 */
public record Facts(List<String> tags, List<String> products, List<String> errors, SortedMap<String, String> verifiedWith,
                    Optional<String> wrenAiServiceVersion, Optional<String> deployment, Optional<String> hostOs,
                    Set<String> unreadable) {

    public static final Facts NONE = new Facts(List.of(), List.of(), List.of(), new TreeMap<>(),
            Optional.empty(), Optional.empty(), Optional.empty(), Set.of());

    public Facts {
        tags = List.copyOf(tags);
        products = List.copyOf(products);
        errors = List.copyOf(errors);
        verifiedWith = Collections.unmodifiableSortedMap(new TreeMap<>(verifiedWith));
        unreadable = Collections.unmodifiableSortedSet(new TreeSet<>(unreadable));
    }

    /** True when {@code key} was written but could not be read (a front-matter error), so its value is unknown. */
    public boolean isUnknown(String key) {
        return unreadable.contains(key);
    }
}
