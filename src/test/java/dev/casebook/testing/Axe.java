package dev.casebook.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** axe-core (npm, injected into the page, no CDN) on a page as it is now. */
public final class Axe {

    private static final Path SCRIPT = Path.of("node_modules/axe-core/axe.min.js");

    private Axe() {
    }

    /** axe's violations on {@code page}, one line per rule and element; fails if axe checked nothing. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(Page page, String where) {
        assertTrue(Files.isRegularFile(SCRIPT), "node_modules/axe-core is missing: run npm ci (mvn verify does)");
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.addScriptTag(new Page.AddScriptTagOptions().setPath(SCRIPT));
        }
        Map<String, Object> result = (Map<String, Object>) page.evaluate("async () => {"
                + " const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return {passes: r.passes.length, violations: r.violations.map(v => v.id + ' (' + v.impact + ', '"
                + "   + v.nodes.length + ' elements): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')"
                + "   + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\\s+/g, ' ').slice(0, 160) : '')).join('; '))}; }");
        int passes = ((Number) result.get("passes")).intValue();
        assertTrue(passes >= 10, where + ": axe passed only " + passes + " rules; did it run?");
        List<String> out = new ArrayList<>();
        for (Object v : (List<Object>) result.get("violations")) {
            out.add(where + ": " + v);
        }
        return out;
    }
}
