package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.testing.Chromium;
import dev.casebook.testing.StaticServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first screen of the home page, the seed article and a rule page, in both languages, on a
 * phone (390 px), a small laptop or tablet (1,024 px) and a laptop (1,366 px), light and dark: 36 PNG
 * files under {@code target/screenshots/} for review.
 */
@Tag("browser")
class ScreenshotBrowserTest {

    private static final Path SHOTS = Path.of("target/screenshots");
    private static final Map<String, String> PAGES = Map.of("home", "", "seed", "litellm/openai-prefix-ollama-auth/",
            "rule", "rules/LLM001/");

    @TempDir
    Path dir;

    @Test
    void writesTheReviewSet() throws IOException, InterruptedException {
        assertFalse(chineseFonts().isBlank(), "no font covers Chinese: screenshots would show boxes (apt-get install fonts-wqy-microhei)");
        Path out = dir.resolve("site");
        assertTrue(new SiteBuild().build(BuildOptions.of(Path.of(""), out)).written());
        Files.createDirectories(SHOTS);
        StaticServer server = new StaticServer(out, "/");
        List<String> written = new ArrayList<>();
        try (Chromium chromium = Chromium.launch()) {
            for (String device : List.of("phone", "tablet", "desktop")) {
                for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                    boolean phone = device.equals("phone");
                    int width = phone ? 390 : device.equals("tablet") ? 1024 : 1366;
                    BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                            .setViewportSize(width, phone ? 844 : 768).setIsMobile(phone).setHasTouch(phone)
                            .setDeviceScaleFactor(1).setColorScheme(scheme));
                    Page page = context.newPage();
                    for (String lang : List.of("en", "zh")) {
                        for (String name : List.of("home", "seed", "rule")) {
                            String path = lang + "/" + PAGES.get(name);
                            assertEquals(200, page.navigate(server.url(path)).status(), path);
                            page.evaluate("() => document.fonts.ready");
                            String file = name + "-" + lang + "-" + device + "-" + scheme.name().toLowerCase(Locale.ROOT) + ".png";
                            byte[] png = page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(file)));
                            assertEquals(width, pngWidth(png), file);
                            written.add(file);
                        }
                    }
                    context.close();
                }
            }
        } finally {
            server.close();
        }
        assertEquals(36, written.size());
        for (String file : written) {
            assertTrue(Files.size(SHOTS.resolve(file)) > 10_000, file + " looks empty");
        }
    }

    /** The width in a PNG's IHDR chunk. */
    private static int pngWidth(byte[] png) {
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
        return ByteBuffer.wrap(png, 16, 4).getInt();
    }

    private static String chineseFonts() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("fc-list", ":lang=zh", "family").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? out : "";
    }
}
