package dev.casebook.content;

import dev.casebook.diag.SourcePos;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an article says that does not depend on language, written once in either translation's
 * front matter: the value of each {@link Fact} that was written, by key. {@code unreadable} names
 * the facts that were written but could not be read, so checks that depend on them skip rather
 * than assume a default.
 *
 * @param values  each written fact's value (a list, a sorted map or a string), by key
 * @param written where each written fact's key is, for diagnostics about its value
 */
public record Facts(Map<String, Object> values, Set<String> unreadable, Map<String, SourcePos> written) {

    public static final Facts NONE = new Facts(Map.of(), Set.of(), Map.of());

    public Facts {
        Map<String, Object> copy = new TreeMap<>();
        values.forEach((key, value) -> copy.put(key, value instanceof List<?> l ? List.copyOf(l)
                : value instanceof Map<?, ?> m ? Collections.unmodifiableSortedMap(new TreeMap<>(m)) : value));
        values = Collections.unmodifiableMap(copy);
        unreadable = Collections.unmodifiableSortedSet(new TreeSet<>(unreadable));
        written = Collections.unmodifiableMap(new TreeMap<>(written));
    }

    /** The article's earlier addresses, each a redirect to it. */
    public List<String> aliases() {
        return find(Fact.ALIASES).orElse(List.of());
    }

    /** The value written for {@code fact}, if one was. */
    @SuppressWarnings("unchecked") // the loader stores for each key a value of its declared type
    public <T> Optional<T> find(Fact<T> fact) {
        return Optional.ofNullable((T) values.get(fact.name()));
    }

    public List<String> tags() {
        return find(Fact.TAGS).orElse(List.of());
    }

    public List<String> products() {
        return find(Fact.PRODUCTS).orElse(List.of());
    }

    /** The exact error strings the article solves. */
    public List<String> errors() {
        return find(Fact.ERRORS).orElse(List.of());
    }

    /** The versions the article was verified with, product to version. */
    public SortedMap<String, String> verifiedWith() {
        return find(Fact.VERIFIED_WITH).orElse(Collections.emptySortedMap());
    }

    public Optional<String> wrenAiServiceVersion() {
        return find(Fact.WREN_AI_SERVICE_VERSION);
    }

    public Optional<String> litellmVersion() {
        return find(Fact.LITELLM_VERSION);
    }

    public Optional<String> deployment() {
        return find(Fact.DEPLOYMENT);
    }

    public Optional<String> hostOs() {
        return find(Fact.HOST_OS);
    }

    /** True when {@code key} was written but could not be read (a front-matter error), so its value is unknown. */
    public boolean isUnknown(String key) {
        return unreadable.contains(key);
    }
}
