package dev.casebook.pipeline;

import dev.casebook.content.SiteConfig;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.SourcePos;
import dev.casebook.diag.Suggestions;
import dev.casebook.validate.Catalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a build's rules come from: the catalog built into Casebook, or a rule folder (the preview
 * of a checkout of Casebook), then only the packs the site names.
 */
final class RuleSource {

    /** The rules last read from a rule folder, kept while no rule file changes. */
    private Outcome<Catalog> rules;

    /**
     * The built-in rules, or those of {@code options.rules()} (a checkout of Casebook being
     * previewed), read again only when a rule file changed.
     */
    Outcome<Catalog> catalog(BuildOptions options, Set<Path> changed) {
        if (options.rules().isEmpty()) {
            return Outcome.of(Catalog.builtIn());
        }
        Path dir = options.rules().get().toAbsolutePath().normalize();
        if (rules != null && !changed.isEmpty() && changed.stream().noneMatch(p -> p.toAbsolutePath().normalize().startsWith(dir))) {
            return rules;
        }
        try {
            rules = Outcome.of(Catalog.fromFolder(dir));
        } catch (IllegalArgumentException e) {
            rules = Outcome.of(Catalog.builtIn(), List.of(Diagnostic.error("config-rules",
                    SourcePos.file(options.site().toAbsolutePath().normalize().relativize(dir).toString().replace('\\', '/')),
                    "the rule data cannot be read: " + e.getMessage(), "fix the rule file; the built-in rules are used meanwhile")));
        }
        return rules;
    }

    /** The rules of the packs the site names under {@code rule_packs:}; a name no pack has is a configuration error. */
    static Outcome<Catalog> rulePacks(Catalog all, SiteConfig config) {
        List<String> known = all.packs().stream().map(Catalog.Pack::name).toList();
        List<Diagnostic> unknown = new ArrayList<>();
        config.rulePacks().forEach((name, pos) -> {
            if (!known.contains(name)) {
                unknown.add(Diagnostic.error("config-site", pos, "unknown rule pack `" + name + "`",
                        Suggestions.hint(name, known)));
            }
        });
        return Outcome.of(all.only(config.rulePacks().keySet()), unknown);
    }
}
