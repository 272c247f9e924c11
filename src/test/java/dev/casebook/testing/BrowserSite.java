package dev.casebook.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A built site served under a base path and opened in Chromium, for browser tests. */
public final class BrowserSite implements AutoCloseable {

    private final Chromium chromium;
    private final StaticServer server;
    private final BrowserContext context;

    private BrowserSite(Chromium chromium, StaticServer server) {
        this.chromium = chromium;
        this.server = server;
        this.context = chromium.browser().newContext();
    }

    /** Launches Chromium (or skips/fails as {@link Chromium#launch()} says) and serves {@code site}. */
    public static BrowserSite serve(Path site, String basePath) {
        Chromium chromium = Chromium.launch();
        return new BrowserSite(chromium, new StaticServer(site, basePath));
    }

    public String url(String sitePath) {
        return server.url(sitePath);
    }

    /** The browser context the pages open in: for a test that sets a page up before it loads. */
    public BrowserContext context() {
        return context;
    }

    public Page open(String sitePath) {
        Page page = context.newPage();
        page.navigate(url(sitePath));
        return page;
    }

    /** Opens a page and loads the search client, as focusing the search box does. */
    public Page openWithSearch(String sitePath) {
        Page page = open(sitePath);
        page.focus("form.search input");
        page.waitForFunction("() => typeof window.casebookSearch === 'function'");
        return page;
    }

    /** {@code window.casebookSearch(query, {lang})} in {@code page}. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> search(Page page, String query, String lang) {
        return (List<Map<String, Object>>) page.evaluate("([q, l]) => window.casebookSearch(q, {lang: l})", List.of(query, lang));
    }

    @Override
    public void close() {
        context.close();
        server.close();
        chromium.close();
    }
}
