package dev.casebook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import dev.casebook.testing.BrowserSite;
import dev.casebook.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact top results on a small fixture site, through the real client in Chromium. */
@Tag("browser")
class SearchRankingTest {

    @TempDir
    static Path dir;
    static BrowserSite browser;
    static Page page;

    static String article(String path, String title, String body) {
        return article(path, title, "s", body);
    }

    static String article(String path, String title, String summary, String body) {
        return "-- content/" + path + " --\n---\ntitle: \"" + title + "\"\nsummary: \"" + summary + "\"\ndate: 2025-01-01\n---\n" + body + "\n";
    }

    @BeforeAll
    static void start() {
        TestSite site = TestSite.write(dir, "-- content/_site.yaml --\nlanguages: [zh, en]\n"
                + article("kb/context/index.zh.md", "上下文窗口不够用", "模型的上下文窗口太小，长对话会被截断。\n\n## 解决办法\n调大 num_ctx 参数。")
                + article("kb/timeout/index.zh.md", "请求超时", "网关在六十秒后断开连接，请调大超时时间。")
                + article("kb/proxy/index.zh.md", "代理认证失败", "代理返回认证错误，检查主密钥。")
                + article("kb/keys/index.en.md", "Setting api_key_name",
                        "The `api_key_name` field names an environment variable.\n\n## Defaults\nWithout it LiteLLM reads OPENAI_API_KEY.")
                + article("kb/router/index.en.md", "Router fallbacks", "What the router does when a key is missing.",
                        "Configure fallbacks for the router when a key is missing.")
                + article("kb/deploy/index.zh.md", "部署失败", "容器部署以后服务没有启动。")
                + article("kb/long/index.en.md", "A long article", "Filler first.",
                        "Filler paragraph.\n\n".repeat(80) + "The zygomorphic setting is explained at the end.")
                + article("kb/embed/index.en.md", "Embedding errors", "ValueError: embedding dimension mismatch in the vector store.")
                + article("kb/auth/index.en.md", "A client option must be set",
                        "LiteLLM fails: the client option must be set by passing a secret to the client.")
                + article("kb/auth/index.zh.md", "客户端选项必须设置", "模型名带前缀时，LiteLLM 要求提供密钥。"));
        TestSite.Built built = site.build();
        assertEquals("", built.diagnostics());
        browser = BrowserSite.serve(built.out(), "/");
        page = browser.openWithSearch("en/");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    static List<Map<String, Object>> search(String query, String lang) {
        return BrowserSite.search(page, query, lang);
    }

    static String top(String query, String lang) {
        List<Map<String, Object>> r = search(query, lang);
        assertTrue(!r.isEmpty(), "no result for " + query);
        return (String) r.get(0).get("url");
    }

    @Test
    void chineseWordsAndSubWordsInTheMiddleOfASentence() {
        assertEquals("/zh/kb/context/", top("上下文", "zh").replaceFirst("#.*", ""));
        assertEquals("/zh/kb/context/", top("下文", "zh").replaceFirst("#.*", ""));   // a sub-word, mid-phrase
        assertEquals("/zh/kb/timeout/", top("超时", "zh"));
        assertEquals("/zh/kb/proxy/", top("认证错误", "en"));                         // from an English page too
    }

    @Test
    void identifiersWholeAndByTheirParts() {
        assertEquals("/en/kb/keys/", top("api_key_name", "en").replaceFirst("#.*", ""));
        assertEquals("/en/kb/keys/", top("OPENAI_API_KEY", "en").replaceFirst("#.*", ""));
        assertEquals("/en/kb/keys/", top("openai api key", "en").replaceFirst("#.*", ""));
        assertEquals("/en/kb/embed/", top("ValueError", "en").replaceFirst("#.*", ""));
    }

    @Test
    void aPastedLogFindsTheArticleDespiteTheNoise() {
        String log = """
                2025-03-06 12:16:01 wren-ai-service-1  | Traceback (most recent call last):
                2025-03-06 12:16:01 wren-ai-service-1  |   File "/src/pipelines/indexing.py", line 346, in __init__
                2025-03-06 12:16:01 wren-ai-service-1  | ValueError: embedding dimension mismatch
                2025-03-06 12:16:01 wren-ai-service-1  | request id 3f2504e0-4f89-11d3-9a0c-0305e82c3301
                """;
        assertEquals("/en/kb/embed/", top(log, "en"));
    }

    @Test
    void resultsLinkToTheHeadingOfTheMatchAndHighlightWholePhrases() {
        // a heading's words: the result links to that heading, and shows it after the summary
        Map<String, Object> r = search("解决办法", "zh").get(0);
        assertEquals("/zh/kb/context/#%E8%A7%A3%E5%86%B3%E5%8A%9E%E6%B3%95", r.get("url"));   // #解决办法
        assertEquals("s › <mark>解决办法</mark>", r.get("excerpt"));
        // words of the body alone: the article itself (it marks them and scrolls to the first)
        assertEquals("/zh/kb/context/", top("num_ctx", "zh"));
        Map<String, Object> phrase = search("上下文窗口", "zh").get(0);
        assertEquals("<mark>上下文窗口</mark>不够用", phrase.get("titleHtml"), phrase.toString());
    }

    /** Arriving from a result whose words are deep in the body, the first marked word is brought into view. */
    @Test
    void theArticleScrollsToTheFirstMarkedWord() {
        Map<String, Object> r = search("zygomorphic", "en").get(0);
        assertEquals("/en/kb/long/", r.get("url"));
        assertEquals("Filler first.", r.get("excerpt"), "the summary stands for a body match");
        Page article = browser.open("en/kb/long/?h=zygomorphic");
        article.waitForSelector(".prose mark.search-hit");
        Number top = (Number) article.evaluate("() => document.querySelector('.prose mark.search-hit').getBoundingClientRect().top");
        Number scrolled = (Number) article.evaluate("() => window.scrollY");
        assertTrue(scrolled.doubleValue() > 0, "scrolled by " + scrolled);
        assertTrue(top.doubleValue() >= 0 && top.doubleValue() < ((Number) article.evaluate("() => window.innerHeight")).doubleValue(),
                "the mark is in view at " + top);
        article.close();
    }

    @Test
    void asciiWordsAreHighlightedOnlyWhereTheyStandAlone() {
        String title = (String) search("name", "en").get(0).get("titleHtml");
        // "name" occurs only inside api_key_name and names: neither is highlighted
        assertEquals("Setting api_key_name", title);
        String key = (String) search("key missing", "en").get(0).get("excerpt");
        assertTrue(key.contains("<mark>key</mark>") && !key.contains("_<mark>key</mark>"), key);
    }

    @Test
    void anEmptySiteAnswersWithNoResults() {
        TestSite.Built empty = TestSite.write(dir.resolve("empty"), "-- content/_site.yaml --\nlanguages: [en]\n").build();
        try (BrowserSite other = BrowserSite.serve(empty.out(), "/")) {
            Page p = other.openWithSearch("en/");
            assertEquals(List.of(), BrowserSite.search(p, "anything", "en"));
        }
    }

    @Test
    void theReadersLanguageIsBoostedNotFiltered() {
        // English-only articles still answer a Chinese reader, in English
        List<Map<String, Object>> fromChinese = search("key", "zh");
        assertTrue(!fromChinese.isEmpty() && fromChinese.stream().allMatch(r -> "en".equals(r.get("lang"))), fromChinese.toString());
        assertEquals(List.of(), search("zzzzqqq", "en"));
    }

    @Test
    void oneEntryPerArticleInTheReadersLanguageWithTheMatchedTranslationSecond() {
        // the pasted English error matches only the English text; a Chinese reader gets the Chinese page
        List<Map<String, Object>> zh = search("the client option must be set", "zh");
        assertEquals("/zh/kb/auth/", zh.get(0).get("url"));
        assertEquals(Map.of("lang", "en", "url", "/en/kb/auth/"), zh.get(0).get("alt"));
        assertEquals(1, zh.stream().filter(r -> ((String) r.get("url")).contains("/kb/auth/")).count(), zh.toString());
        // an English reader gets the English page, with no second link
        List<Map<String, Object>> en = search("the client option must be set", "en");
        assertEquals("/en/kb/auth/", en.get(0).get("url"));
        assertEquals(null, en.get(0).get("alt"));
        // a word both translations share still gives one entry
        List<Map<String, Object>> both = search("LiteLLM", "zh");
        assertEquals(1, both.stream().filter(r -> ((String) r.get("url")).contains("/kb/auth/")).count(), both.toString());
    }

    @Test
    void stackFramePathsAndComposePrefixesWeighLessThanTheException() {
        // the frames name words of another article (router, fallbacks, key, missing); the exception names this one
        String log = """
                wren-ai-service-1  | Traceback (most recent call last):
                wren-ai-service-1  |   File "/app/router/fallbacks/key/missing.py", line 12, in configure
                wren-ai-service-1  |   File "/app/router/fallbacks/key/handler.py", line 40, in run
                wren-ai-service-1  |   File "/app/router/fallbacks/configure/router.py", line 7, in fallbacks
                wren-ai-service-1  |   File "/app/router/fallbacks/missing/key.py", line 92, in router
                wren-ai-service-1  |   File "/app/router/when/key/missing.py", line 3, in configure
                wren-ai-service-1  | ValueError: embedding mismatch
                """;
        assertEquals("/en/kb/embed/", top(log, "en"));
    }

    @Test
    void typosOfFiveLettersOrMoreAreForgivenAndSaid() {
        assertEquals("/en/kb/embed/", top("embeding", "en"));                    // one letter missing
        assertEquals("/en/kb/embed/", top("dimenison", "en"));                   // two letters swapped
        assertEquals("/en/kb/keys/", top("enviroment variable", "en").replaceFirst("#.*", ""));
        assertEquals("embedding", page.evaluate("() => window.casebookSearch('embeding', {lang: 'en'}).then(r => r.correction)"));
        // the excerpt marks the word that was searched for instead
        String title = (String) search("embeding", "en").get(0).get("titleHtml");
        assertEquals("<mark>Embedding</mark> errors", title);
        // an exact match is never traded for a near one, and short words are not guessed
        assertEquals("", page.evaluate("() => window.casebookSearch('embedding', {lang: 'en'}).then(r => r.correction)"));
        assertEquals(List.of(), search("kee", "en"));
        assertEquals(List.of(), search("zzzzqqqq", "en"));
    }

    /** A wrong character of the same sound: the word that differs in it, the one that fits the characters around it. */
    @Test
    void aChineseWordWithOneWrongCharacterIsCorrected() {
        // the first character wrong, alone: the word that ends like it (密钥 is in two articles)
        assertEquals("密钥", page.evaluate("() => window.casebookSearch('秘钥', {lang: 'zh'}).then(r => r.correction)"));
        assertTrue(List.of("/zh/kb/proxy/", "/zh/kb/auth/").contains(top("秘钥", "zh")), top("秘钥", "zh"));
        // the second character wrong, inside a phrase: 部属失败 → 部署失败, as 署 also joins 失
        assertEquals("部署失败", page.evaluate("() => window.casebookSearch('部属失败', {lang: 'zh'}).then(r => r.correction)"));
        assertEquals("/zh/kb/deploy/", top("部属失败", "zh"));
        // words that are indexed are never corrected, nor a pair of characters that only joins two of them
        assertEquals("", page.evaluate("() => window.casebookSearch('部署失败', {lang: 'zh'}).then(r => r.correction)"));
        assertEquals("", page.evaluate("() => window.casebookSearch('部署失败上下文', {lang: 'zh'}).then(r => r.correction)"));
    }

    @Test
    void theArticleTheQueryNamesBeatsIdentifiersInOtherArticlesConfigBlocks() {
        // OPENAI_API_KEY sits in the config blocks of two other articles; the words of the title name this one
        TestSite.Built site = TestSite.write(dir.resolve("blocks"), "-- content/_site.yaml --\nlanguages: [en]\n"
                + article("kb/literal/index.en.md", "Proxy env references are sent literally",
                        "The proxy sends `${VLLM_API_KEY}` as it is written, so the server sees the literal text.")
                + article("kb/compose1/index.en.md", "Compose file basics", "A compose file lists services, their images, "
                        + "ports and volumes; each service starts in its own container.\n\n"
                        + "```yaml\nenvironment:\n  OPENAI_API_KEY: ${OPENAI_API_KEY}\n  PROXY: http://proxy:3128\n```")
                + article("kb/compose2/index.en.md", "Compose networks", "Services on one network reach each other by "
                        + "service name.\n\n```yaml\nenvironment:\n  OPENAI_API_KEY: ${OPENAI_API_KEY}\n```")
                + article("kb/compose3/index.en.md", "Compose volumes", "A volume keeps data across restarts.\n\n"
                        + "```yaml\nenvironment:\n  OPENAI_API_KEY: ${OPENAI_API_KEY}\n```")).build();
        assertEquals("", site.diagnostics());
        try (BrowserSite other = BrowserSite.serve(site.out(), "/")) {
            Page p = other.openWithSearch("en/");
            List<Map<String, Object>> r = BrowserSite.search(p, "why are litellm proxy env references sent literally ${OPENAI_API_KEY}", "en");
            assertEquals("/en/kb/literal/", url(r), r.toString());
        }
    }

    @Test
    void aRareIdentifierOutweighsGenericWordsInAnotherArticlesTitle() {
        // the pipe's name is in one article's config block only; the other words are the title of another
        TestSite.Built site = TestSite.write(dir.resolve("rare"), "-- content/_site.yaml --\nlanguages: [en]\n"
                + article("kb/timeouts/index.en.md", "Embedder timeout settings",
                        "How long the embedder waits for the model, and how to raise the timeout.")
                + article("kb/pipes/index.en.md", "Indexing stops after an upgrade",
                        "The new release renamed a pipe; the old name is not read.\n\n"
                        + "```yaml\npipes:\n  - name: db_schema_indexing\n    embedder: litellm_embedder.default\n```")
                + article("kb/other/index.en.md", "Embedder models", "Which embedder model to pick, and its timeout.")
                + article("kb/a/index.en.md", "Ports in use", "Another service holds the port.")
                + article("kb/b/index.en.md", "Disk full", "The volume has no space left.")
                + article("kb/c/index.en.md", "Wrong region", "The endpoint is in another region.")
                + article("kb/d/index.en.md", "Expired certificate", "The proxy's certificate expired.")).build();
        assertEquals("", site.diagnostics());
        try (BrowserSite other = BrowserSite.serve(site.out(), "/")) {
            Page p = other.openWithSearch("en/");
            assertEquals("/en/kb/pipes/", url(BrowserSite.search(p, "embedder timeout db_schema_indexing", "en")));
        }
    }

    @Test
    void wordsTogetherAndInOrderOutweighTheSameWordsApart() {
        TestSite.Built site = TestSite.write(dir.resolve("pairs"), "-- content/_site.yaml --\nlanguages: [en]\n"
                + "-- content/kb/phrase/index.en.md --\n---\ntitle: \"Proxy rejects the model\"\nsummary: s\ndate: 2025-01-01\n"
                + "errors: [\"LLM Provider NOT provided\", \"litellm.exceptions.AuthenticationError\"]\n---\nThe proxy cannot route it.\n"
                + article("kb/apart/index.en.md", "Provided keys for each provider and error messages about authentication",
                        "Which provider needs which key, and where it is provided. Not every error is about authentication."))
                .build();
        assertEquals("", site.diagnostics());
        try (BrowserSite other = BrowserSite.serve(site.out(), "/")) {
            Page p = other.openWithSearch("en/");
            // the other article has both words in its title, but not together
            assertEquals("/en/kb/phrase/", url(BrowserSite.search(p, "provider not provided", "en")));
            // an identifier's consecutive parts, typed as words, score as the identifier
            assertEquals("/en/kb/phrase/", url(BrowserSite.search(p, "authentication error", "en")));
        }
    }

    private static String url(List<Map<String, Object>> results) {
        return ((String) results.get(0).get("url")).replaceFirst("#.*", "");
    }
}
