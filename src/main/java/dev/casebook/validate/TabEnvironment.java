package dev.casebook.validate;

import dev.casebook.content.Fact;
import dev.casebook.content.Facts;
import dev.casebook.content.Tab;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Suggestions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the configs of a content tab run: the article's front matter, with the tab's {@code {key=value}}
 * attributes over it. A tab may set any front-matter key that rules read ({@code host_os},
 * {@code deployment}, {@code wren_ai_service_version}, {@code litellm_version}).
 *
 * <p>Diagnostic id: {@code tab-attribute} (an unknown key, or a value the key does not take).
 */
final class TabEnvironment {

    private TabEnvironment() {
    }

    /** The environment of an article's snippets, in {@code tab} when there is one. */
    static Environment of(Facts facts, Optional<Tab> tab) {
        Map<String, String> set = tab.map(Tab::environment).orElse(Map.of());
        Optional<String> wren = Optional.ofNullable(set.get(Fact.WREN_AI_SERVICE_VERSION.name())).or(facts::wrenAiServiceVersion);
        // an explicit LiteLLM version wins; otherwise the one the (tab's) WrenAI release installs
        Optional<String> litellm = Optional.ofNullable(set.get(Fact.LITELLM_VERSION.name())).or(facts::litellmVersion);
        return new Environment(wren.flatMap(Version::parse),
                Optional.ofNullable(set.get(Fact.DEPLOYMENT.name())).or(facts::deployment),
                Optional.ofNullable(set.get(Fact.HOST_OS.name())).or(facts::hostOs),
                litellm.flatMap(Version::parse));
    }

    /** True when every attribute of {@code tab} is a key rules read with a value it takes; the others are reported. */
    static boolean check(Tab tab, List<Diagnostic> diagnostics) {
        boolean ok = true;
        for (Map.Entry<String, String> e : tab.environment().entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            Optional<Fact<?>> fact = Fact.ALL.stream().filter(f -> f.environment() && f.name().equals(key)).findFirst();
            String problem = null;
            String hint = null;
            if (fact.isEmpty()) {
                problem = "unknown tab attribute `" + key + "`";
                hint = Suggestions.hint(key, SnippetValidator.ENVIRONMENT_FACTS) + " (a tab sets where its configs run: "
                        + String.join(", ", SnippetValidator.ENVIRONMENT_FACTS) + ")";
            } else if (!fact.get().choices().isEmpty() && !fact.get().choices().contains(value)) {
                problem = "tab attribute `" + key + "=" + value + "` is not one of " + String.join(", ", fact.get().choices());
                hint = Suggestions.hint(value, fact.get().choices());
            } else if (fact.get().choices().isEmpty() && Version.parse(value).isEmpty()) {
                problem = "tab attribute `" + key + "=" + value + "` is not a version";
                hint = "write a release such as " + key + "=0.29.0";
            }
            if (problem != null) {
                diagnostics.add(Diagnostic.error("tab-attribute", tab.pos(), problem, hint));
                ok = false;
            }
        }
        return ok;
    }
}
