package dev.casebook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.content.BaseUrl;
import dev.casebook.testing.BrowserSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Search on the real knowledge base, in Chromium, under a base path: the API and the UI. */
@Tag("browser")
class SearchBrowserTest {

    static final String SEED = "/litellm/openai-prefix-ollama-auth/";
    static final String PASTED_LOG = """
            2025-02-18 10:42:07,512 - wren-ai-service - ERROR - request_id=8f3a2c1e9b7d4f60a1b2 ask failed (pipeline.py:312)
            Traceback (most recent call last):
              File "/app/.venv/lib/python3.12/site-packages/litellm/main.py", line 3203, in acompletion
            litellm.exceptions.AuthenticationError: litellm.AuthenticationError: AuthenticationError: OpenAIException - The api_key client option must be set either by passing api_key to the client or by setting the OPENAI_API_KEY environment variable
            INFO:     172.18.0.6:51796 - "POST /v1/asks HTTP/1.1" 500 Internal Server Error
            """;

    @TempDir
    static Path dir;
    static BrowserSite site;

    @BeforeAll
    static void start() {
        Path out = dir.resolve("site");
        var result = new SiteBuild().build(BuildOptions.of(Path.of(""), out).withBaseUrl(BaseUrl.parse("https://example.org/kb/")));
        assertTrue(result.written(), result.report().diagnostics().toString());
        site = BrowserSite.serve(out, "/kb/");
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    static List<Map<String, Object>> search(Page page, String query, String lang) {
        return BrowserSite.search(page, query, lang);
    }

    static Page open(String lang) {
        return site.openWithSearch(lang + "/");
    }

    static List<String> urls(List<Map<String, Object>> results) {
        return results.stream().map(r -> (String) r.get("url")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void theSeedIsFirstForItsModelStringItsChineseWordsAndAPastedLog(String lang) {
        Page page = open(lang);
        for (String query : List.of("openai/deepseek-r1:8b", "openai 前缀 ollama 认证", PASTED_LOG)) {
            List<String> urls = urls(search(page, query, lang));
            assertTrue(!urls.isEmpty() && urls.get(0).contains(SEED), lang + " page, query " + query + ": " + urls);
        }
        page.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void theSeedIsInTheTopThreeForTheErrorNameTheVariableAndTheChineseTerm(String lang) {
        Page page = open(lang);
        for (String query : List.of("AuthenticationError", "OPENAI_API_KEY", "认证错误")) {
            List<String> urls = urls(search(page, query, lang));
            assertTrue(urls.stream().limit(3).anyMatch(u -> u.contains(SEED)), lang + " page, query " + query + ": " + urls);
        }
        page.close();
    }

    @Test
    void resultsAreBestFirstWithTheReadersLanguageBoostedAndChinesePhrasesHighlightedWhole() {
        Page page = open("zh");
        List<Map<String, Object>> results = search(page, "认证错误", "zh");
        Map<String, Object> first = results.get(0);
        assertEquals("zh", first.get("lang"));
        assertTrue(((String) first.get("url")).startsWith("/kb/zh/"), first.toString());
        String title = (String) first.get("titleHtml");
        assertTrue(title.contains("<mark>认证错误</mark>"), first.toString());
        // Chinese is matched by bigrams and highlighted as words, never character by character
        for (String shown : List.of(title, (String) first.get("excerpt"))) {
            assertTrue(!java.util.regex.Pattern.compile("<mark>\\p{IsHan}</mark>").matcher(shown).find(), shown);
        }
        double previous = Double.MAX_VALUE;
        for (Map<String, Object> r : results) {
            double score = ((Number) r.get("score")).doubleValue();
            assertTrue(score <= previous, results.toString());
            previous = score;
        }
        page.close();
    }

    @Test
    void typingInTheBoxShowsResultsAndTheKeyboardOpensOne() {
        Page page = site.open("en/wrenai/");
        page.keyboard().press("/");
        assertEquals(true, page.evaluate("() => document.activeElement.matches('form.search input')"));
        page.keyboard().type("OPENAI_API_KEY");
        page.waitForSelector(".search-results [role=option]");
        List<String> titles = page.locator(".search-results [role=option] .result-title").allTextContents();
        assertTrue(titles.size() >= 1, titles.toString());
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        page.waitForURL(url -> url.contains("/kb/en/") && !url.endsWith("/wrenai/"));
        assertTrue(page.url().contains("/kb/"), page.url());
        page.close();
    }

    @Test
    void theResultsPageReadsTheQueryFromTheUrl() {
        Page page = site.open("zh/search/?q=" + java.net.URLEncoder.encode("认证错误", java.nio.charset.StandardCharsets.UTF_8));
        page.waitForSelector("#search-page li");
        String first = page.locator("#search-page li a").first().getAttribute("href");
        assertTrue(first.contains(SEED), first);
        assertEquals("认证错误", page.inputValue("form.search input"));
        // the page says how many results, for which words
        int shown = page.locator("#search-page li").count();
        assertEquals(shown == 1 ? "“认证错误”的结果：1 条" : "“认证错误”的结果：" + shown + " 条", page.textContent("#search-summary"));
        page.close();
        // words with {n} and $& in them are echoed as typed
        Page odd = site.open("en/search/?q=" + java.net.URLEncoder.encode("kwargs {n} $&", java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
        odd.waitForSelector("#search-page li");
        int found = odd.locator("#search-page li").count();
        assertEquals((found == 1 ? "1 result" : found + " results") + " for “kwargs {n} $&”", odd.textContent("#search-summary"));
        odd.close();
        // nothing found is said as such
        Page none = site.open("en/search/?q=zzqxwv");
        none.waitForFunction("() => document.getElementById('search-summary').textContent !== ''");
        assertEquals("No results for “zzqxwv”", none.textContent("#search-summary"));
        none.close();
    }

    /** A result opens the article with the query's words marked, as the excerpt marked them. */
    @Test
    void aResultOpensTheArticleWithTheWordsMarked() {
        Page page = site.open("en/search/?q=OPENAI_API_KEY");
        page.waitForSelector("#search-page li");
        String href = page.locator("#search-page li a").first().getAttribute("href");
        assertTrue(href.contains("?h=openai_api_key"), href);
        page.locator("#search-page li a").first().click();
        page.waitForSelector(".prose mark.search-hit");
        List<String> marks = page.locator(".prose mark.search-hit").allTextContents();
        assertTrue(marks.size() >= 3, marks.toString());
        // the identifier, and its longer parts where they stand alone, as in the excerpt
        assertEquals(java.util.Set.of("openai_api_key", "openai"),
                marks.stream().map(m -> m.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet()));
        page.close();
    }

    /** The seed's error as docker compose prints it: service prefixes, a stack frame, the exception. */
    private static final String COMPOSE_LOG = "wren-ai-service-1  | Traceback (most recent call last):\n"
            + "wren-ai-service-1  |   File \"/app/.venv/lib/python3.12/site-packages/litellm/main.py\", line 3147, in acompletion\n"
            + "wren-ai-service-1  | litellm.exceptions.AuthenticationError: litellm.AuthenticationError: AuthenticationError: "
            + "OpenAIException - The api_key client option must be set either by passing api_key to the client or by setting "
            + "the OPENAI_API_KEY environment variable\n";

    /** A traceback pasted into the header box keeps its lines: it is searched, and sent to the results page, as a log. */
    @Test
    void aLogPastedIntoTheHeaderBoxKeepsItsLines() {
        Page page = site.openWithSearch("zh/");
        page.focus("form.search input");
        page.evaluate("log => { const dt = new DataTransfer(); dt.setData('text/plain', log);"
                + " document.querySelector('form.search input').dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true})); }", COMPOSE_LOG);
        page.waitForSelector(".search-results [role=option]");
        assertEquals(COMPOSE_LOG.strip(), page.getAttribute(".search-results", "data-query"), "searched with its lines");
        assertTrue(page.inputValue("form.search input").contains(" ↵ "), "shown on one line");
        assertTrue(page.getAttribute(".search-results [role=option] >> nth=0", "href").contains(SEED));
        // Enter without choosing: the results page gets the log with its lines, and answers the same
        page.keyboard().press("Enter");
        page.waitForURL(url -> url.contains("/search/"));
        assertTrue(page.url().contains("%0A"), page.url());
        page.waitForSelector("#search-page li");
        assertTrue(page.locator("#search-page li a").first().getAttribute("href").contains(SEED));
        page.close();
    }

    /** The results page has a box for a whole log: sent with its lines (no script needed to send it), it is searched as a log. */
    @Test
    void aLogPastedIntoTheResultsPageBoxIsSearchedAsALog() {
        Page page = site.openWithSearch("en/search/");
        assertEquals("Paste your error log", page.textContent("label[for=log-text]"));
        page.fill("#log-text", COMPOSE_LOG);
        page.click(".log-search button");
        page.waitForURL(url -> url.contains("%0A"));
        page.waitForSelector("#search-page li");
        assertTrue(page.locator("#search-page li a").first().getAttribute("href").contains(SEED));
        assertEquals(COMPOSE_LOG.strip(), page.evaluate("() => new URLSearchParams(location.search).get('q').replace(/\\r\\n/g, '\\n').trim()"), "sent with its lines (a form sends CRLF)");
        page.close();
    }

    /** A long question is a question, not a pasted line: its typo is corrected and it finds the article. */
    @Test
    void aLongQuestionWithATypoIsCorrected() {
        Page page = site.openWithSearch("en/");
        String question = "how do i stop wrenai from asking for an api key when litellm calls my local ollama with the opanai prefix";
        List<Map<String, Object>> results = BrowserSite.search(page, question, "en");
        assertTrue(String.valueOf(results.get(0).get("url")).contains(SEED), results.toString());
        assertEquals(question.replace("opanai", "openai"),
                page.evaluate("q => window.casebookSearch(q, {lang: 'en'}).then(r => r.correction)", question));
        page.close();
    }

    /** The site's synonym sets (content/_search/synonyms.yaml): a reader's word finds the article's. */
    @Test
    void aReadersWordFindsTheArticlesWordThroughTheSynonyms() {
        Page page = site.openWithSearch("zh/");
        // "秘钥" and "鉴权" are in no article; "密钥" and "认证" are
        assertTrue(String.valueOf(BrowserSite.search(page, "openai 鉴权失败", "zh").get(0).get("url")).contains(SEED));
        List<Map<String, Object>> key = BrowserSite.search(page, "秘钥", "zh");
        assertTrue(key.size() >= 3, key.toString());
        assertTrue(key.stream().allMatch(r -> String.valueOf(r.get("url")).startsWith("/kb/zh/")), key.toString());
        page.close();
    }

    /** A corrected query is shown as typed: $&, $` and $' are text, not replacement patterns. */
    @Test
    void aCorrectedQueryIsShownAsTypedWithDollarPatternsAsText() {
        String query = "AuthentcationError $& $` $'";
        Page page = site.open("en/search/?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
        page.waitForSelector("#search-page li");
        String note = page.textContent(".search-correction");
        assertTrue(note.endsWith("authenticationerror $& $` $'"), note);
        assertEquals(1, note.split("\\$&", -1).length - 1, "the pattern once, as typed: " + note);
        page.close();
    }

    /** A typo inside a dotted identifier is corrected part by part, and the seed is still found first. */
    @Test
    void aTypoInsideAnIdentifierIsCorrected() {
        Page page = site.openWithSearch("en/");
        List<Map<String, Object>> results = BrowserSite.search(page, "litellm.exceptions.AuthentcationError", "en");
        assertTrue(String.valueOf(results.get(0).get("url")).contains(SEED), results.toString());
        assertEquals("litellm.exceptions.authenticationerror",
                page.evaluate("() => window.casebookSearch('litellm.exceptions.AuthentcationError', {lang: 'en'}).then(r => r.correction)"));
        page.close();
    }

    @Test
    void escapeClosesWithoutClearingAndAClosedOrEmptiedListIsNeverChosen() {
        Page page = site.open("en/wrenai/");
        page.keyboard().press("/");
        page.keyboard().type("OPENAI_API_KEY");
        page.waitForFunction("() => document.querySelector('.search-results').dataset.query === 'OPENAI_API_KEY'");
        assertEquals("combobox", page.getAttribute("form.search input", "role"));
        assertEquals("true", page.getAttribute("form.search input", "aria-expanded"));
        String count = page.textContent(".search-count");
        assertTrue(count.matches("\\d+ results"), count);
        assertEquals(page.locator(".search-results [role=option]").count() + " results", count);

        page.keyboard().press("ArrowDown");
        assertEquals("search-result-0", page.getAttribute("form.search input", "aria-activedescendant"));
        page.keyboard().press("Escape");
        assertTrue(page.isHidden(".search-results"));
        assertEquals("OPENAI_API_KEY", page.inputValue("form.search input"), "Escape closes, the words stay");
        assertEquals("false", page.getAttribute("form.search input", "aria-expanded"));
        assertEquals(null, page.getAttribute("form.search input", "aria-activedescendant"));
        // Enter on a closed list does not open the stale result (it searches, on the results page)
        page.keyboard().press("ArrowDown"); // opens the list again, choosing nothing yet
        assertTrue(page.isVisible(".search-results"));
        assertEquals(0, page.locator(".search-results [aria-selected=true]").count());
        page.keyboard().press("Escape");

        page.fill("form.search input", "");
        page.waitForFunction("() => document.querySelector('.search-results').hidden");
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        page.waitForURL(url -> url.contains("/kb/en/search/"));
        assertTrue(page.url().endsWith("/kb/en/search/?q="), page.url());
        page.close();
    }

    @Test
    void theActiveResultScrollsIntoViewAndStopWordsAreNeverMarked() {
        Page page = site.open("en/wrenai/");
        page.setViewportSize(800, 400);
        page.keyboard().press("/");
        page.keyboard().type("the api key is not set in the env");
        page.waitForFunction("() => document.querySelector('.search-results').dataset.query === 'the api key is not set in the env'");
        int n = page.locator(".search-results [role=option]").count();
        for (int i = 0; i < n; i++) {
            page.keyboard().press("ArrowDown");
        }
        assertEquals(true, page.evaluate("() => { const box = document.querySelector('.search-results').getBoundingClientRect();"
                + " const li = document.querySelector('.search-results [aria-selected=true]').getBoundingClientRect();"
                + " return li.top >= box.top - 1 && li.bottom <= box.bottom + 1; }"));
        List<String> marked = page.locator(".search-results mark").allTextContents();
        assertTrue(!marked.isEmpty(), "something is marked");
        for (String m : marked) {
            assertTrue(!List.of("the", "is", "not", "in").contains(m.toLowerCase(java.util.Locale.ROOT)), m + " in " + marked);
        }
        page.close();
    }

    @Test
    void theLanguageSwitchOnTheResultsPageKeepsTheQuery() {
        Page page = site.open("en/search/?q=OPENAI_API_KEY");
        page.waitForSelector("#search-page li");
        page.click(".langs a[hreflang=zh]");
        page.waitForSelector("#search-page li");
        assertTrue(page.url().endsWith("/kb/zh/search/?q=OPENAI_API_KEY"), page.url());
        assertEquals("OPENAI_API_KEY", page.inputValue("form.search input"));
        page.close();
    }
}
