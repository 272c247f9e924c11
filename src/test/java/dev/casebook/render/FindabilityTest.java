package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.content.BaseUrl;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages reached from search engines and pasted links: previews, structured data, dates, and a way on when the fix fails. */
class FindabilityTest {

    @TempDir
    Path dir;

    private static final Path SEED = Path.of("litellm/openai-prefix-ollama-auth");

    /** The knowledge base's seed article, built under a sub-path with a host. */
    private Document seed(String lang) throws IOException {
        Path out = dir.resolve("kb");
        assertTrue(new SiteBuild().build(new BuildOptions(Path.of(""), out, Optional.of(
                BaseUrl.parse("https://example.org/kb/")), false, false)).written());
        return Jsoup.parse(Files.readString(out.resolve(lang).resolve(SEED).resolve("index.html")), "");
    }

    private static String meta(Document page, String key) {
        var tag = page.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
        return tag == null ? null : tag.attr("content");
    }

    @Test
    void theSeedArticleCarriesAbsoluteLinkPreviewTagsAndStructuredDataThatMatchesItsBreadcrumbs() throws IOException {
        Document page = seed("en");
        String url = "https://example.org/kb/en/litellm/openai-prefix-ollama-auth/";
        assertEquals(url, page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(url, meta(page, "og:url"));
        assertEquals("article", meta(page, "og:type"));
        assertEquals(page.selectFirst("h1").text(), meta(page, "og:title"));
        assertEquals(page.selectFirst("meta[name=description]").attr("content"), meta(page, "og:description"));
        assertEquals("en_US", meta(page, "og:locale"));
        assertEquals("zh_CN", meta(page, "og:locale:alternate"));
        assertEquals("Casebook troubleshooting", meta(page, "og:site_name"));
        assertEquals("summary", meta(page, "twitter:card"));
        assertEquals("2025-02-18", meta(page, "article:published_time"));
        assertEquals(List.of("litellm", "ollama", "wrenai", "authentication"),
                page.select("meta[property=article:tag]").eachAttr("content"));

        JsonNode graph = new ObjectMapper().readTree(page.selectFirst("script[type=application/ld+json]").data());
        assertEquals("https://schema.org", graph.get("@context").asText());
        JsonNode article = graph.get("@graph").get(0);
        assertEquals("TechArticle", article.get("@type").asText());
        for (String required : List.of("headline", "description", "inLanguage", "datePublished", "dateModified", "url")) {
            assertTrue(article.hasNonNull(required), required);
        }
        assertEquals("en", article.get("inLanguage").asText());
        assertEquals(page.selectFirst("h1").text(), article.get("headline").asText());
        JsonNode crumbs = graph.get("@graph").get(1);
        assertEquals("BreadcrumbList", crumbs.get("@type").asText());
        List<String> names = new ArrayList<>();
        crumbs.get("itemListElement").forEach(item -> names.add(item.get("name").asText()));
        List<String> visible = page.select("nav.crumbs a, nav.crumbs span").eachText();
        assertEquals(visible, names, "the structured breadcrumbs are the ones the reader sees");
        assertEquals(url, crumbs.get("itemListElement").get(2).get("item").asText());
    }

    @Test
    void homePagesOfferTheirSearchAndASiteWithoutAHostGetsNoAbsoluteTags() throws IOException {
        Path out = dir.resolve("kb");
        assertTrue(new SiteBuild().build(new BuildOptions(Path.of(""), out, Optional.of(
                BaseUrl.parse("https://example.org/kb/")), false, false)).written());
        JsonNode site = new ObjectMapper().readTree(Jsoup.parse(Files.readString(out.resolve("zh/index.html")))
                .selectFirst("script[type=application/ld+json]").data());
        assertEquals("WebSite", site.get("@type").asText());
        assertEquals("https://example.org/kb/zh/search/?q={search_term_string}",
                site.get("potentialAction").get("target").get("urlTemplate").asText());

        TestSite.Built bare = TestSite.write(dir.resolve("bare"), TestSite.ONE_ARTICLE).build();
        Document page = bare.html("en/a/b/index.html");
        assertEquals(0, page.select("meta[property^=og:], script[type=application/ld+json]").size());
    }

    @Test
    void stillBrokenOpensAPrefilledIssueInTheSitesRepository() throws IOException {
        Document page = seed("zh");
        var link = page.selectFirst(".still-broken a");
        String href = link.attr("href");
        assertTrue(href.startsWith("https://github.com/casebook-kb/casebook/issues/new?title="), href);
        Map<String, String> query = new HashMap<>();
        for (String pair : href.substring(href.indexOf('?') + 1).split("&")) {
            query.put(pair.substring(0, pair.indexOf('=')), URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8));
        }
        assertEquals("仍未解决：" + page.selectFirst("h1").text(), query.get("title"));
        assertTrue(query.get("body").startsWith("文章：https://example.org/kb/zh/litellm/openai-prefix-ollama-auth/\n语言：zh\n"
                + "已验证的版本："), query.get("body"));
        assertFalse(TestSite.write(dir.resolve("norepo"), TestSite.ONE_ARTICLE).build().file("en/a/b/index.html").contains("still-broken"), "no repository, no link");
    }

    private static void git(Path repo, String date, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=Writer",
                "-c", "user.email=writer@example.org", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("GIT_COMMITTER_DATE", date + "T12:00:00+00:00");
        pb.environment().put("GIT_AUTHOR_DATE", date + "T12:00:00+00:00");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", args) + ": " + output);
    }

    @Test
    void eachTranslationShowsTheDayOfItsLastCommitAndAShallowCloneSaysWhyItCannot() throws Exception {
        Path repo = dir.resolve("repo");
        TestSite.write(repo, """
                -- content/_site.yaml --
                languages: [en, zh]
                -- content/a/b/index.en.md --
                ---
                title: B
                summary: S
                date: 2025-02-18
                ---
                Body.
                -- content/a/b/index.zh.md --
                ---
                title: 乙
                summary: 摘要
                date: 2025-02-18
                ---
                正文。
                """);
        git(repo, "2025-03-01", "init", "-q");
        git(repo, "2025-03-01", "add", "-A");
        git(repo, "2025-03-01", "commit", "-q", "-m", "articles");
        Files.writeString(repo.resolve("content/a/b/index.zh.md"), Files.readString(repo.resolve("content/a/b/index.zh.md")) + "更多。\n");
        git(repo, "2025-04-10", "commit", "-q", "-am", "a later translation");

        TestSite.Built built = new TestSite.Built(new SiteBuild().build(BuildOptions.of(repo, repo.resolve("out"))), repo.resolve("out"));
        assertEquals("", built.diagnostics());
        assertEquals("2025-03-01", updated(built, "en"));
        assertEquals("2025-04-10", updated(built, "zh"));

        Path shallow = dir.resolve("shallow");
        Process clone = new ProcessBuilder("git", "clone", "-q", "--depth", "1", "file://" + repo, shallow.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, clone.waitFor(), new String(clone.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        TestSite.Built cut = new TestSite.Built(new SiteBuild().build(BuildOptions.of(shallow, shallow.resolve("out"))), shallow.resolve("out"));
        assertEquals("""
                content:1:1: note[dates]: articles without `updated:` show their front-matter dates: the clone is shallow, \
                so its oldest commit seems to touch every file; fetch the whole history (actions/checkout with fetch-depth: 0)
                  hint: write `updated:` in the front matter, or build from a full clone""", cut.diagnostics());
        assertEquals("", updated(cut, "zh"), "no invented date");
    }

    /** The "updated" date an article page shows, as ISO, or empty. */
    private static String updated(TestSite.Built built, String lang) {
        Document page = built.html(lang + "/a/b/index.html");
        var time = page.select("p.meta time[datetime]");
        return time.size() > 1 ? time.get(1).attr("datetime") : "";
    }
}
