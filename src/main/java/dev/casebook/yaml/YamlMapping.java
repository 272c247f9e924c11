package dev.casebook.yaml;

import dev.casebook.diag.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping, keeping every entry in source order, duplicates included, so that callers can report
 * them; lookups follow PyYAML and return the last value written for a key.
 */
public record YamlMapping(List<Entry> entries, SourcePos pos) implements YamlNode {

    /** One {@code key: value} pair; the key keeps its own position for diagnostics. */
    public record Entry(YamlScalar key, YamlNode value) {
        public String name() {
            return key.text();
        }
    }

    public YamlMapping {
        entries = List.copyOf(entries);
    }

    @Override
    public String describe() {
        return "a mapping";
    }

    /** The last entry written for {@code key}. */
    public Optional<Entry> entry(String key) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).name().equals(key)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    public Optional<YamlNode> get(String key) {
        return entry(key).map(Entry::value);
    }

    public boolean has(String key) {
        return entry(key).isPresent();
    }

    /** Entries whose key was already written earlier in this mapping (the later ones). */
    public List<Entry> duplicates() {
        Map<String, Entry> seen = new HashMap<>();
        List<Entry> repeated = new ArrayList<>();
        for (Entry e : entries) {
            if (seen.putIfAbsent(e.name(), e) != null) {
                repeated.add(e);
            }
        }
        return repeated;
    }

    /** The effective entries, one per key, last one wins, in order of first appearance. */
    public List<Entry> effective() {
        Map<String, Entry> byKey = new LinkedHashMap<>();
        for (Entry e : entries) {
            byKey.put(e.name(), e);
        }
        return List.copyOf(byKey.values());
    }
}
