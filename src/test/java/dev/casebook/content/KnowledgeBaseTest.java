package dev.casebook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.content.SiteContent;
import dev.casebook.load.ContentLoader;
import dev.casebook.testing.TestSite;
import dev.casebook.validate.Catalog;
import dev.casebook.validate.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge base in content/: complete, bilingual, and demonstrating the catalog's real cases. */
class KnowledgeBaseTest {

    @TempDir
    static Path dir;
    static TestSite.Built site;
    static SiteContent source;

    @BeforeAll
    static void build() {
        site = new TestSite.Built(new SiteBuild().build(new BuildOptions(Path.of(""), dir.resolve("site"), Optional.empty(),
                false, true)), dir.resolve("site"));
        source = new ContentLoader(false, dev.casebook.render.PageKinds.reservedSections()).load(Path.of("")).value();
    }

    @Test
    void buildsWithNoErrorAndNoWarningUnderStrict() {
        assertEquals("", site.diagnostics());
        assertTrue(site.result().written());
    }

    /**
     * What every article must have (error strings, versions, tags, a code block, a public source) is the site's
     * `require:`, checked by `casebook check` for writers and pull requests; the build above has no warning.
     */
    @Test
    void atLeastTwelveArticlesEachInBothLanguagesUnderTheSitesRequirements() {
        assertTrue(source.articles().size() >= 12, source.articles().size() + " articles");
        for (Article a : source.articles()) {
            assertEquals(List.of(new Lang("zh"), new Lang("en")), a.translations().stream().map(Translation::lang).toList(), a.id());
        }
        assertEquals(List.of("errors", "verified_with", "tags", "code", "source"), source.config().required());
        // every English text is stamped as a translation of the Chinese original, so the translations page and
        // the outdated-translation check mean something
        for (Article a : source.articles()) {
            Translation en = a.translations().get(1);
            assertEquals("zh", en.translatedFrom().map(from -> from.lang().code()).orElse("none"), a.id());
        }
    }

    @Test
    void everyRecurringRuleIsDemonstratedByAnArticle() {
        List<String> missing = new ArrayList<>();
        for (Rule rule : Catalog.builtIn().rules()) {
            if (rule.recurring() && site.html("en/rules/" + rule.id() + "/index.html").select(".card").isEmpty()) {
                missing.add(rule.id());
            }
        }
        assertEquals(List.of(), missing, "rules backed by real threads but shown by no article");
        // the check above must have had rules to check: most of the catalog comes from real threads
        assertTrue(Catalog.builtIn().rules().stream().filter(Rule::recurring).count() > Catalog.builtIn().rules().size() / 2);
    }
}
