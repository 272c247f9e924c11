package dev.casebook.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlScalar;
import dev.casebook.yaml.YamlSequence;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A positioned YAML tree as the JSON a schema is checked against, and back: the node a JSON path
 * points at, for the line and column of a problem.
 *
 * <p>Plain scalars resolve as YAML 1.2's core schema does (the one Docker Compose, Kubernetes and
 * JSON Schema tools use), not as YAML 1.1: {@code yes} and {@code 80:80} are strings, {@code 0x1F} and
 * {@code 1e3} numbers. Merge keys ({@code <<: *defaults}) are already applied by the YAML reader.
 */
final class YamlJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCT = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
    private static final Pattern FALSE = Pattern.compile("false|False|FALSE");

    private YamlJson() {
    }

    static JsonNode of(YamlNode node) {
        if (node instanceof YamlMapping m) {
            ObjectNode object = JSON.objectNode();
            for (YamlMapping.Entry e : m.effective()) {
                object.set(e.name(), of(e.value()));
            }
            return object;
        }
        if (node instanceof YamlSequence s) {
            ArrayNode array = JSON.arrayNode();
            s.items().forEach(i -> array.add(of(i)));
            return array;
        }
        return scalar((YamlScalar) node);
    }

    private static JsonNode scalar(YamlScalar s) {
        String t = s.text();
        if (s.quoted()) {
            return JSON.textNode(t);
        }
        if (NULL.matcher(t).matches()) {
            return JSON.nullNode();
        }
        if (TRUE.matcher(t).matches() || FALSE.matcher(t).matches()) {
            return JSON.booleanNode(TRUE.matcher(t).matches());
        }
        if (INT.matcher(t).matches()) {
            return JSON.numberNode(new BigInteger(t.startsWith("+") ? t.substring(1) : t));
        }
        if (OCT.matcher(t).matches()) {
            return JSON.numberNode(new BigInteger(t.substring(2), 8));
        }
        if (HEX.matcher(t).matches()) {
            return JSON.numberNode(new BigInteger(t.substring(2), 16));
        }
        if (FLOAT.matcher(t).matches()) {
            return JSON.numberNode(new BigDecimal(t.startsWith("+") ? t.substring(1) : t));
        }
        return JSON.textNode(t);
    }

    /**
     * The node at a JSON path of the tree (names and indexes), as far as it exists, and the mapping entry
     * of the last name when the path ends at a key.
     */
    record Found(YamlNode node, Optional<YamlMapping.Entry> entry) {
    }

    static Found at(YamlNode root, List<Object> path) {
        YamlNode node = root;
        Optional<YamlMapping.Entry> entry = Optional.empty();
        for (Object step : path) {
            Optional<YamlNode> next = Optional.empty();
            entry = Optional.empty();
            if (node instanceof YamlMapping m) {
                String key = String.valueOf(step);
                entry = m.entry(key);
                next = entry.map(YamlMapping.Entry::value);
            } else if (node instanceof YamlSequence s && step instanceof Integer i && i >= 0 && i < s.items().size()) {
                next = Optional.of(s.items().get(i));
            }
            if (next.isEmpty()) {
                return new Found(node, Optional.empty());
            }
            node = next.get();
        }
        return new Found(node, entry);
    }
}
