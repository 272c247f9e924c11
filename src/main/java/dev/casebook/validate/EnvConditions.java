package dev.casebook.validate;

import dev.casebook.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ENV001–ENV004: the {@code .env} file and what reads it. */
final class EnvConditions {

    // $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}; $$ escapes a dollar
    private static final Pattern VARIABLE =
            // the default part is bounded, so a value of many unclosed ${ stays linear
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)((:?[-?+])[^}]{0,1000})?}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern INLINE_COMMENT = Pattern.compile("\\s#");

    private EnvConditions() {
    }

    static void register(Map<String, Condition> checks) {
        checks.put("ENV001", EnvConditions::undefinedKeyName);
        checks.put("ENV002", EnvConditions::inlineComment);
        checks.put("ENV003", EnvConditions::duplicateKey);
        checks.put("ENV004", EnvConditions::composeVariable);
        checks.put("ENV005", EnvConditions::spacesAroundEquals);
    }

    private static void undefinedKeyName(Group group, Findings out) {
        Optional<DotEnv> env = group.processEnv();
        if (env.isEmpty()) {
            return;
        }
        for (Model m : Model.of(group)) {
            if (m.file().kind() != Kind.WREN_CONFIG) {
                continue;
            }
            m.scalar("api_key_name").filter(n -> !env.get().defines(n.text())).ifPresent(n -> {
                List<String> defaults = Providers.keyVars(m.provider());
                out.add(out.at(n.pos(), Map.of("name", n.text(), "model", m.name(),
                        "default", defaults.isEmpty() ? "the provider's default variable" : defaults.get(0))));
            });
        }
    }

    private static void inlineComment(Group group, Findings out) {
        for (ConfigFile file : group.of(Kind.DOTENV)) {
            for (DotEnv.Entry e : file.dotenv().orElseThrow().entries()) {
                if (!e.quoted() && INLINE_COMMENT.matcher(e.raw()).find()) {
                    out.add(out.at(e.valuePos(), Map.of("key", e.key(), "truncated", e.value())));
                }
            }
        }
    }

    /** {@code KEY = value} or {@code KEY= value}: Compose trims the spaces, other readers of the same file do not. */
    private static void spacesAroundEquals(Group group, Findings out) {
        for (ConfigFile file : group.of(Kind.DOTENV)) {
            for (DotEnv.Entry e : file.dotenv().orElseThrow().entries()) {
                boolean before = e.valuePos().column() - 1 > e.keyPos().column() + e.key().length();
                boolean after = !e.raw().isEmpty() && Character.isWhitespace(e.raw().charAt(0));
                if (before || after) {
                    out.add(out.at(e.keyPos(), Map.of("key", e.key(), "value", e.raw().strip())));
                }
            }
        }
    }

    private static void duplicateKey(Group group, Findings out) {
        for (ConfigFile file : group.of(Kind.DOTENV)) {
            file.dotenv().orElseThrow().repeated().forEach((key, entries) ->
                    out.add(out.at(entries.get(1).keyPos(), Map.of("key", key,
                            "value", entries.get(entries.size() - 1).value()))));
        }
    }

    private static void composeVariable(Group group, Findings out) {
        Optional<DotEnv> env = group.env();
        if (env.isEmpty()) {
            return;
        }
        Map<String, YamlScalar> firstUse = new LinkedHashMap<>();
        for (ConfigFile compose : group.of(Kind.COMPOSE)) {
            for (YamlScalar s : Scan.strings(compose)) {
                Matcher m = VARIABLE.matcher(s.text());
                while (m.find()) {
                    if (m.group().equals("$$")) {
                        continue;
                    }
                    // groups: 1 braced name, 3 operator (:-, -, :?, ?, :+, +), 4 bare name
                    String name = m.group(1) != null ? m.group(1) : m.group(4);
                    String op = m.group(3);
                    boolean hasDefault = op != null && (op.endsWith("-") || op.endsWith("+"));
                    if (!hasDefault) {
                        firstUse.putIfAbsent(name, s);
                    }
                }
            }
        }
        firstUse.forEach((name, s) -> {
            if (!env.get().defines(name)) {
                out.add(out.at(s.pos(), Map.of("var", name, "value", s.text())));
            }
        });
    }
}
