package dev.casebook.validate;

import dev.casebook.diag.SourcePos;
import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlScalar;
import dev.casebook.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables the process that reads the config really sees, as far as a group's files tell:
 * the {@code .env} files (compose's {@code env_file:} and interpolation source), then the
 * {@code environment:} of the compose service that runs WrenAI or LiteLLM, its {@code ${VAR}}
 * references filled from {@code .env}, over a LiteLLM proxy config's {@code environment_variables:}.
 * Key rules read this rather than {@code .env} alone, so a key set in any of those places counts.
 */
final class ProcessEnvironment {

    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code $NAME}. */
    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private ProcessEnvironment() {
    }

    /**
     * The environment of {@code group}'s WrenAI or LiteLLM process, or empty when the group cannot
     * tell it: no {@code .env} and no compose service, or a service that reads an {@code env_file}
     * the group does not hold.
     */
    static Optional<DotEnv> of(Group group) {
        Optional<DotEnv> dotenv = group.env();
        List<DotEnv.Entry> fromCompose = new ArrayList<>();
        boolean readsAnEnvFile = false;
        boolean foundService = false;
        for (ConfigFile compose : group.of(Kind.COMPOSE)) {
            for (YamlMapping root : compose.mappings()) {
                Optional<YamlMapping> services = root.get("services").filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast);
                for (YamlMapping.Entry service : services.map(YamlMapping::effective).orElse(List.of())) {
                    if (!(service.value() instanceof YamlMapping s) || !Scan.runsWrenOrLiteLlm(service.name(), s)) {
                        continue;
                    }
                    foundService = true;
                    readsAnEnvFile |= s.has("env_file");
                    s.get("environment").ifPresent(e -> fromCompose.addAll(entries(e, dotenv)));
                }
            }
        }
        Optional<DotEnv> seen;
        if (!foundService) {
            seen = dotenv;
        } else if (dotenv.isEmpty() && readsAnEnvFile) {
            return Optional.empty(); // its env_file holds what we cannot see
        } else {
            seen = Optional.of(dotenv.orElse(new DotEnv(List.of())).then(new DotEnv(fromCompose)));
        }
        // a proxy config's environment_variables: LiteLLM sets each one at start unless the process already has it
        List<DotEnv.Entry> fromProxy = new ArrayList<>();
        for (ConfigFile proxy : group.of(Kind.LITELLM_PROXY)) {
            for (YamlMapping root : proxy.mappings()) {
                root.get("environment_variables").ifPresent(e -> fromProxy.addAll(entries(e, Optional.empty())));
            }
        }
        return fromProxy.isEmpty() ? seen : seen.map(env -> new DotEnv(fromProxy).then(env));
    }

    private static List<DotEnv.Entry> entries(YamlNode environment, Optional<DotEnv> dotenv) {
        List<DotEnv.Entry> out = new ArrayList<>();
        if (environment instanceof YamlMapping m) {
            for (YamlMapping.Entry e : m.effective()) {
                if (e.value() instanceof YamlScalar v) {
                    // KEY: (no value) passes the variable through from where compose runs: unknown here
                    if (!v.isNull()) {
                        out.add(entry(e.name(), v.text(), e.key().pos(), v.pos(), dotenv));
                    }
                }
            }
        } else if (environment instanceof YamlSequence list) {
            for (YamlNode item : list.items()) {
                if (item instanceof YamlScalar s && s.text().indexOf('=') > 0) {
                    int eq = s.text().indexOf('=');
                    SourcePos valuePos = new SourcePos(s.pos().path(), s.pos().line(), s.pos().column() + eq + 1);
                    out.add(entry(s.text().substring(0, eq).strip(), s.text().substring(eq + 1), s.pos(), valuePos, dotenv));
                }
            }
        }
        return out;
    }

    private static DotEnv.Entry entry(String key, String raw, SourcePos keyPos, SourcePos valuePos, Optional<DotEnv> dotenv) {
        return new DotEnv.Entry(key, raw, interpolate(raw, dotenv), false, keyPos, valuePos);
    }

    /** Compose's interpolation from {@code .env}: an unset variable is empty unless a default is given. */
    static String interpolate(String value, Optional<DotEnv> dotenv) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        int last = 0; // by hand rather than appendReplacement(StringBuilder), which TeaVM's class library lacks
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            Optional<String> set = dotenv.flatMap(e -> e.get(name)).map(DotEnv.Entry::value);
            String op = m.group(2);
            String replacement;
            if (op == null) {
                replacement = set.orElse("");
            } else if (op.equals(":-")) {
                replacement = set.filter(v -> !v.isEmpty()).orElse(m.group(3));
            } else {
                replacement = set.orElse(m.group(3));
            }
            out.append(value, last, m.start()).append(replacement);
            last = m.end();
        }
        return out.append(value.substring(last)).toString().strip();
    }
}
