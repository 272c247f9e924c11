package dev.casebook.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import dev.casebook.content.SnippetVerdict;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.SourcePos;
import dev.casebook.diag.Suggestions;
import dev.casebook.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The schema library's messages as diagnostics a writer can act on: each at the line and column of the
 * key or value it is about, naming its path ({@code services.ollama.enviroment}) and what the schema
 * wants, with a did-you-mean for unknown keys and values.
 *
 * <p>When no alternative of a {@code oneOf}/{@code anyOf} fits, only the alternative that fits best is
 * reported, not one message per alternative: of those whose type matches, the one with the fewest problems
 * with the value itself, then the one whose problems lie deepest inside it. A build section written as a
 * mapping with a misspelled key is about that key, not about "a string was expected"; a workflow job whose
 * step lacks {@code run} is about that step, not about the job not being a reusable-workflow call.
 */
final class SchemaMessages {

    /** Names of JSON types as a YAML writer says them. */
    private static final Map<String, String> TYPES = Map.of("string", "a string", "integer", "a whole number", "number", "a number",
            "array", "a list", "object", "a mapping", "boolean", "a boolean", "null", "empty");

    /**
     * One message, with its paths as lists. {@code options}: for a message made of several alternatives' messages
     * ({@link #ANY_TYPE}, {@link #ANY_KEY}), the types or keys they want.
     */
    private record Message(ValidationMessage raw, String type, List<Object> instance, String evaluation, List<String> options) {

        Message(ValidationMessage raw, String type, List<Object> instance, String evaluation) {
            this(raw, type, instance, evaluation, List.of());
        }
    }

    /** Alternatives none of whose types the value has. */
    private static final String ANY_TYPE = "any-type";
    /** Alternatives that differ only in the key they require. */
    private static final String ANY_KEY = "any-key";

    private SchemaMessages() {
    }

    static List<Diagnostic> explain(Set<ValidationMessage> messages, YamlNode doc, JsonNode schema, String name, boolean fragment) {
        List<Message> all = new ArrayList<>();
        for (ValidationMessage m : messages) {
            all.add(new Message(m, m.getType(), steps(m.getInstanceLocation()), m.getEvaluationPath().toString()));
        }
        all.sort(Comparator.comparing((Message m) -> m.evaluation().length()).thenComparing(Message::evaluation));
        List<Message> kept = bestAlternatives(all);
        List<Diagnostic> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Message m : kept) {
            if (fragment && m.type().equals("required")) {
                continue; // an excerpt leaves out what the rest of the file has
            }
            Diagnostic d = diagnostic(m, doc, schema, name);
            if (seen.add(d.pos() + d.message())) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * Drops the summary of every failed {@code oneOf}/{@code anyOf} and the messages of all but its best alternative.
     * A combinator is found from the paths of its alternatives' messages (the library reports a failed
     * {@code anyOf} by those alone), outermost first.
     */
    private static List<Message> bestAlternatives(List<Message> sorted) {
        Map<String, List<Object>> combinators = new TreeMap<>(Comparator.comparing(String::length).thenComparing(c -> c));
        for (Message m : sorted) {
            String[] steps = m.evaluation().split("/");
            StringBuilder prefix = new StringBuilder();
            for (int i = 1; i < steps.length; i++) {
                prefix.append('/').append(steps[i]);
                boolean alternative = (steps[i].equals("oneOf") || steps[i].equals("anyOf")) && i + 1 < steps.length
                        && steps[i + 1].chars().allMatch(Character::isDigit) && !steps[i + 1].isEmpty();
                if (alternative) {
                    // the combinator applies where its shallowest message is
                    combinators.merge(prefix.toString(), m.instance(), (x, y) -> y.size() < x.size() ? y : x);
                }
            }
        }
        List<Message> kept = new ArrayList<>(sorted);
        for (Map.Entry<String, List<Object>> combinator : combinators.entrySet()) {
            String prefix = combinator.getKey() + "/";
            List<Object> at = combinator.getValue();
            Map<Integer, List<Message>> branches = new TreeMap<>();
            for (Message m : kept) {
                if (m.evaluation().startsWith(prefix)) {
                    String rest = m.evaluation().substring(prefix.length());
                    int slash = rest.indexOf('/');
                    try {
                        int branch = Integer.parseInt(slash < 0 ? rest : rest.substring(0, slash));
                        branches.computeIfAbsent(branch, b -> new ArrayList<>()).add(m);
                    } catch (NumberFormatException e) {
                        // not an alternative's message
                    }
                }
            }
            if (branches.isEmpty()) {
                continue; // its alternatives were dropped with an outer one
            }
            kept.removeIf(m -> m.evaluation().equals(combinator.getKey()) && (m.type().equals("oneOf") || m.type().equals("anyOf")));
            // an alternative of another type than the value is no candidate
            List<Integer> sameType = branches.entrySet().stream()
                    .filter(b -> b.getValue().stream().noneMatch(m -> m.type().equals("type") && m.instance().equals(at)))
                    .map(Map.Entry::getKey).toList();
            if (sameType.isEmpty()) {
                // the value has none of the types: one message naming them all
                List<Message> typeMessages = branches.values().stream().flatMap(List::stream)
                        .filter(m -> m.type().equals("type") && m.instance().equals(at)).toList();
                List<String> wanted = typeMessages.stream().flatMap(m -> expected(m.raw()).stream()).distinct().toList();
                branches.values().forEach(kept::removeAll);
                kept.add(new Message(typeMessages.get(0).raw(), ANY_TYPE, at, combinator.getKey(), wanted));
                continue;
            }
            // the alternative that got furthest: fewest problems with the value itself (a missing or unknown key of
            // its own), then problems deepest inside it, then fewest problems
            Comparator<Integer> fit = Comparator.comparing((Integer b) -> branches.get(b).stream()
                            .filter(m -> m.instance().equals(at)).count())
                    .thenComparing(b -> -branches.get(b).stream().mapToInt(m -> m.instance().size()).max().orElse(0))
                    .thenComparing(b -> branches.get(b).size())
                    .thenComparing(b -> b);
            // alternatives that differ only in the key they require (a step needs `run` or `uses`): one message naming them
            boolean onlyRequired = sameType.size() > 1 && sameType.stream().allMatch(b -> branches.get(b).size() == 1
                    && branches.get(b).get(0).type().equals("required") && branches.get(b).get(0).instance().equals(at));
            if (onlyRequired) {
                List<String> keys = sameType.stream().map(b -> String.valueOf(branches.get(b).get(0).raw().getProperty())).distinct().toList();
                branches.values().forEach(kept::removeAll);
                kept.add(new Message(branches.get(sameType.get(0)).get(0).raw(), ANY_KEY, at, combinator.getKey(), keys));
                continue;
            }
            int best = sameType.stream().min(fit).orElseThrow();
            branches.forEach((b, ms) -> {
                if (b != best) {
                    kept.removeAll(ms);
                }
            });
        }
        return kept;
    }

    private static Diagnostic diagnostic(Message m, YamlNode doc, JsonNode schema, String name) {
        ValidationMessage raw = m.raw();
        YamlJson.Found at = YamlJson.at(doc, m.instance());
        String path = path(m.instance());
        String where = path.isEmpty() ? "the document" : "`" + path + "`";
        if (m.type().equals(ANY_TYPE)) {
            List<String> wanted = m.options();
            return error(valuePos(at), where + " is " + kind(at.node()) + "; the " + name + " schema wants "
                    + or(wanted.stream().map(SchemaMessages::typeName).distinct().toList()), "write it as " + typeName(wanted.get(0)));
        }
        if (m.type().equals(ANY_KEY)) {
            List<String> keys = m.options();
            return error(keyPos(at), where + " has none of " + or(keys.stream().map(k -> "`" + k + "`").toList()) + "; the " + name
                    + " schema requires one", "add `" + keys.get(0) + ":`" + (keys.size() > 1 ? " or `" + keys.get(1) + ":`" : ""));
        }
        switch (m.type()) {
            case "additionalProperties", "unevaluatedProperties" -> {
                String key = String.valueOf(raw.getProperty());
                YamlJson.Found entry = YamlJson.at(doc, append(m.instance(), key));
                SourcePos pos = entry.entry().map(e -> e.key().pos()).orElse(valuePos(at));
                Set<String> allowed = allowedKeys(schema, raw);
                String full = path.isEmpty() ? key : path + "." + key;
                return error(pos, "`" + full + "`: the " + name + " schema has no key `" + key + "` here",
                        Suggestions.closest(key, allowed).map(k -> "did you mean `" + k + "`?")
                                .orElse(allowed.isEmpty() ? "remove it" : "keys here: " + list(allowed)));
            }
            case "required" -> {
                String key = String.valueOf(raw.getProperty());
                return error(keyPos(at), where + " has no `" + key + "`, which the " + name + " schema requires", "add `" + key + ":`");
            }
            case "type" -> {
                List<String> wanted = expected(raw);
                return error(valuePos(at), where + " is " + kind(at.node()) + "; the " + name + " schema wants "
                        + or(wanted.stream().map(SchemaMessages::typeName).distinct().toList()),
                        "write it as " + typeName(wanted.isEmpty() ? "string" : wanted.get(0)));
            }
            case "enum" -> {
                JsonNode values = schema.at(fragment(raw));
                List<String> allowed = new ArrayList<>();
                values.forEach(v -> allowed.add(v.asText()));
                JsonNode json = YamlJson.of(at.node());
                String value = json.isContainerNode() ? kind(at.node()) : "`" + json.asText() + "`";
                return error(valuePos(at), where + " is " + value + "; the " + name + " schema allows " + list(allowed),
                        Suggestions.closest(json.asText(), allowed).map(v -> "did you mean `" + v + "`?").orElse("use one of the values above"));
            }
            default -> {
                String text = raw.getMessage();
                String prefix = raw.getInstanceLocation().toString() + ": ";
                text = text.startsWith(prefix) ? text.substring(prefix.length()) : text;
                return error(valuePos(at), where + ": " + text + " (" + name + " schema, `" + m.type() + "`)",
                        "see what the schema says at " + fragment(raw));
            }
        }
    }

    private static Diagnostic error(SourcePos pos, String message, String hint) {
        return Diagnostic.error(SnippetVerdict.SCHEMA, pos, message, hint);
    }

    /** Where a mapping that lacks a key is named: at its own key, or where it starts (the document). */
    private static SourcePos keyPos(YamlJson.Found at) {
        return at.entry().map(e -> e.key().pos()).orElse(at.node().pos());
    }

    /** A value's position, or its key's when the value is empty (an empty value has no place of its own). */
    private static SourcePos valuePos(YamlJson.Found at) {
        return at.entry().filter(e -> YamlJson.of(e.value()).isNull()).map(e -> e.key().pos()).orElse(at.node().pos());
    }

    private static String kind(YamlNode node) {
        JsonNode json = YamlJson.of(node);
        String type = json.isNull() ? "null" : json.isArray() ? "array" : json.isObject() ? "object" : json.isBoolean() ? "boolean"
                : json.isNumber() ? "number" : "string";
        return typeName(type);
    }

    private static String typeName(String type) {
        return TYPES.getOrDefault(type, type);
    }

    /** The types a {@code type} message says were expected: {@code string} or {@code [string, number]}. */
    private static List<String> expected(ValidationMessage m) {
        Object[] args = m.getArguments();
        if (args == null || args.length < 2) {
            return List.of();
        }
        String text = String.valueOf(args[1]).replace("[", "").replace("]", "");
        List<String> out = new ArrayList<>();
        for (String t : text.split(",")) {
            if (!t.isBlank()) {
                out.add(t.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The keys the object schema that rejected a key lists ({@code properties}), for a did-you-mean. */
    private static Set<String> allowedKeys(JsonNode schema, ValidationMessage m) {
        String pointer = fragment(m);
        int slash = pointer.lastIndexOf('/');
        JsonNode object = schema.at(slash <= 0 ? "" : pointer.substring(0, slash));
        Set<String> keys = new TreeSet<>();
        object.path("properties").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String fragment(ValidationMessage m) {
        JsonNodePath f = m.getSchemaLocation().getFragment();
        return f == null ? "" : f.toString();
    }

    private static List<Object> steps(JsonNodePath path) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.add(path.getElement(i));
        }
        return out;
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> out = new ArrayList<>(path);
        out.add(step);
        return out;
    }

    /** {@code services.ollama.ports[0]}. */
    static String path(List<Object> steps) {
        StringBuilder out = new StringBuilder();
        for (Object s : steps) {
            if (s instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(s);
            }
        }
        return out.toString();
    }

    private static String or(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "another type" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    private static String list(Collection<String> items) {
        List<String> shown = items.stream().limit(12).map(i -> "`" + i + "`").toList();
        return String.join(", ", shown) + (items.size() > shown.size() ? " (" + items.size() + " in all)" : "");
    }
}
