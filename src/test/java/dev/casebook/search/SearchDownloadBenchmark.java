package dev.casebook.search;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.casebook.testing.Chromium;
import dev.casebook.testing.StaticServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark, not a test: how many bytes a browser downloads to answer a first query (cold cache)
 * on a built site: search.js, the manifest, the term shards and the fragments shown. The server
 * compresses text like GitHub Pages does. Run by bench/search-bench.sh.
 *
 * <p>Usage: {@code SearchDownloadBenchmark SITE_DIR}
 */
public final class SearchDownloadBenchmark {

    /** A fixed list: error names, identifiers, Chinese words and phrases, English words, a pasted log. */
    static final List<String[]> QUERIES = List.of(
            new String[] {"en", "litellm.exceptions.AuthenticationError"},
            new String[] {"en", "OPENAI_API_KEY"},
            new String[] {"en", "openai/model-3:8b"},
            new String[] {"en", "KeyError: 'OPENAI_API_KEY'"},
            new String[] {"en", "httpx.ConnectError: [Errno 111] Connection refused"},
            new String[] {"en", "qdrant_client"},
            new String[] {"en", "embedding dimension"},
            new String[] {"en", "timeout retry proxy"},
            new String[] {"en", "api_key_name"},
            new String[] {"en", "host.docker.internal"},
            new String[] {"zh", "认证错误"},
            new String[] {"zh", "配置文件"},
            new String[] {"zh", "向量维度"},
            new String[] {"zh", "容器网络端口"},
            new String[] {"zh", "环境变量"},
            new String[] {"zh", "模型 前缀 认证"},
            new String[] {"zh", "上下文"},
            new String[] {"zh", "Case 4321"},
            new String[] {"en", "2025-03-06 12:16:01 wren-ai-service-1 | Traceback (most recent call last):\n"
                    + "  File \"/app/.venv/lib/python3.12/site-packages/litellm/main.py\", line 3203, in acompletion\n"
                    + "litellm.exceptions.AuthenticationError: litellm.AuthenticationError: AuthenticationError\n"
                    + "request_id=8f3a2c1e9b7d4f60a1b2 trace_5c2b9e77aa01\n"
                    + "INFO: 172.18.0.6:51796 - \"POST /v1/asks HTTP/1.1\" 500"},
            new String[] {"zh", "requests.exceptions.ReadTimeout 超时"});

    private SearchDownloadBenchmark() {
    }

    public static void main(String[] args) {
        Path site = Path.of(args[0]).toAbsolutePath();
        List<Long> sizes = new ArrayList<>();
        try (Chromium chromium = Chromium.launch(); StaticServer server = new StaticServer(site, "/", true)) {
            for (String[] q : QUERIES) {
                try (BrowserContext context = chromium.browser().newContext()) {
                    Page page = context.newPage();
                    page.navigate(server.url(q[0] + "/"));
                    AtomicLong bytes = new AtomicLong();
                    List<String> files = new ArrayList<>();
                    page.onResponse((Response r) -> {
                        if (r.url().contains("/search/")) {
                            bytes.addAndGet(r.request().sizes().responseBodySize);
                            files.add(r.url().replaceFirst(".*/search/", ""));
                        }
                    });
                    page.focus("form.search input");
                    page.waitForFunction("() => typeof window.casebookSearch === 'function'");
                    long start = System.nanoTime();
                    Object n = page.evaluate("([q, l]) => window.casebookSearch(q, {lang: l}).then(r => r.length)", List.of(q[1], q[0]));
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                    sizes.add(bytes.get());
                    System.out.printf(Locale.ROOT, "%7.1f KB  %3d files  %4d ms  %2s results  %s%n", bytes.get() / 1024.0,
                            files.size(), ms, n, q[1].replace("\n", " ⏎ ").substring(0, Math.min(60, q[1].replace("\n", " ⏎ ").length())));
                }
            }
        }
        List<Long> sorted = sizes.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
        System.out.printf(Locale.ROOT, "first-query download over %d queries: median %.1f KB, worst %.1f KB%n",
                sizes.size(), median / 1024.0, sorted.get(sorted.size() - 1) / 1024.0);
    }
}
