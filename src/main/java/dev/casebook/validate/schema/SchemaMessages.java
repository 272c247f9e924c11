package dev.casebook.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
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
 * reported (the one whose type matches, with the fewest problems), not one message per alternative: a
 * build section written as a mapping with a misspelled key is about that key, not about "a string was
 * expected".
 */
final class SchemaMessages {

    /** Names of JSON types as a YAML writer says them. */
    private static final Map<String, String> TYPES = Map.of("string", "a string", "integer", "a number", "number", "a number",
            "array", "a list", "object", "a mapping", "boolean", "a boolean", "null", "empty");

    /** One message, with its paths as lists. */
    private record Message(ValidationMessage raw, String type, List<Object> instance, String evaluation) {
    }

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

    /** Drops the summary of every failed {@code oneOf}/{@code anyOf} and the messages of all but its best alternative. */
    private static List<Message> bestAlternatives(List<Message> sorted) {
        List<Message> kept = new ArrayList<>(sorted);
        for (Message combinator : sorted) {
            if (!kept.contains(combinator) || !(combinator.type().equals("oneOf") || combinator.type().equals("anyOf"))) {
                continue;
            }
            String prefix = combinator.evaluation() + "/";
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
                continue; // "more than one alternative fits": the summary is the message
            }
            kept.remove(combinator);
            // an alternative of another type than the value is no candidate
            List<Integer> sameType = branches.entrySet().stream()
                    .filter(b -> b.getValue().stream().noneMatch(m -> m.type().equals("type") && m.instance().equals(combinator.instance())))
                    .map(Map.Entry::getKey).toList();
            if (sameType.isEmpty()) {
                // the value has none of the types: one message naming them all
                List<String> wanted = branches.values().stream().flatMap(List::stream)
                        .filter(m -> m.type().equals("type") && m.instance().equals(combinator.instance()))
                        .flatMap(m -> expected(m.raw()).stream()).distinct().toList();
                Message first = branches.values().iterator().next().stream()
                        .filter(m -> m.type().equals("type") && m.instance().equals(combinator.instance())).findFirst().orElseThrow();
                branches.values().forEach(kept::removeAll);
                kept.add(new Message(first.raw(), "types:" + String.join("|", wanted), combinator.instance(), combinator.evaluation()));
                continue;
            }
            int best = sameType.stream().min(Comparator.comparing((Integer b) -> branches.get(b).size()).thenComparing(b -> b)).orElseThrow();
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
        if (m.type().startsWith("types:")) {
            List<String> wanted = List.of(m.type().substring("types:".length()).split("\\|"));
            return error(valuePos(at), where + " is " + kind(at.node()) + "; the " + name + " schema wants "
                    + or(wanted.stream().map(SchemaMessages::typeName).distinct().toList()), "write it as " + typeName(wanted.get(0)));
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
                SourcePos pos = at.entry().map(e -> e.key().pos()).orElse(at.node().pos());
                return error(pos, where + " has no `" + key + "`, which the " + name + " schema requires", "add `" + key + ":`");
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
                String value = YamlJson.of(at.node()).asText();
                return error(valuePos(at), where + " is `" + value + "`; the " + name + " schema allows " + list(allowed),
                        Suggestions.closest(value, allowed).map(v -> "did you mean `" + v + "`?").orElse("use one of the values above"));
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
        return Diagnostic.error("schema", pos, message, hint);
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
