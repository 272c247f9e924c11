package dev.casebook.load;

import dev.casebook.content.Fact;
import dev.casebook.content.Facts;
import dev.casebook.content.SiteConfig;
import dev.casebook.content.Translation;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.SourcePos;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a site's {@code require:} asks of every published article: the facts it names, a code block and
 * a link to an outside source in every translation. A missing one is a warning, so a preview still
 * shows the article and {@code check --strict} fails on it.
 */
final class Requirements {

    private static final Pattern CODE_FENCE = Pattern.compile("(?m)^ {0,3}(```|~~~)");
    private static final Pattern OUTSIDE_LINK = Pattern.compile("\\]\\(\\s*<?https?://|<https?://|(?m)^\\[[^\\]]+\\]:\\s*<?https?://");

    private Requirements() {
    }

    static void check(SiteConfig config, Facts facts, Collection<Translation> published, List<Diagnostic> out) {
        if (config.required().isEmpty() || published.isEmpty()) {
            return;
        }
        Translation first = published.iterator().next();
        for (String name : config.required()) {
            if (SiteConfig.BODY_REQUIREMENTS.contains(name)) {
                for (Translation t : published) {
                    boolean has = name.equals("code") ? CODE_FENCE.matcher(t.body()).find() : OUTSIDE_LINK.matcher(t.body()).find();
                    if (!has) {
                        out.add(Diagnostic.warning("missing-required", SourcePos.file(t.path()), name.equals("code")
                                        ? "no code block, and content/_site.yaml requires one in every article (`require: [code]`)"
                                        : "no link to a source outside the site, and content/_site.yaml requires one in every "
                                        + "article (`require: [source]`)",
                                name.equals("code") ? "paste the error or the command as a fenced block (```text … ```)"
                                        : "link the issue thread, the release note or the docs the article rests on"));
                    }
                }
                continue;
            }
            if (facts.isUnknown(name) || written(facts.values().get(name))) {
                continue; // an unreadable value already has its own error
            }
            String hint = Fact.ALL.stream().filter(f -> f.name().equals(name)).findFirst().map(Fact::hint).orElse("");
            out.add(Diagnostic.warning("missing-required", SourcePos.file(first.path()),
                    "`" + name + "` is missing, and content/_site.yaml requires it of every article (`require:`)",
                    "add it to the front matter of either language's file: " + hint));
        }
    }

    private static boolean written(Object value) {
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return value != null && !value.toString().isBlank();
    }
}
