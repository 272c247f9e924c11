package dev.casebook.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright for Java, offline. The driver is npm's playwright-core
 * ({@code package.json}) run by the machine's Node, so nothing is downloaded at test time.
 *
 * <p>When Chromium, Node or the driver is missing, the test fails and names what to install
 * ({@code mvn verify} runs {@code npm ci} first; {@code .ci/run} installs Chromium and Node). On
 * request, {@code -Dcasebook.browser=skip} leaves the browser tests out, with the reason printed,
 * except under {@code CI=true}.
 */
public final class Chromium implements AutoCloseable {

    public static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public Browser browser() {
        return browser;
    }

    public static Chromium launch() {
        Path executable = Path.of(Optional.ofNullable(System.getenv("CASEBOOK_CHROMIUM")).orElse("/usr/bin/chromium"));
        Path driver = Path.of("node_modules/playwright-core").toAbsolutePath();
        Optional<Path> node = onPath("node");
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(executable)) {
            missing.add(executable + " (apt-get install chromium)");
        }
        if (node.isEmpty()) {
            missing.add("node on PATH (apt-get install nodejs)");
        }
        if (!Files.isRegularFile(driver.resolve("cli.js"))) {
            missing.add("node_modules/playwright-core (npm ci)");
        }
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean skipAsked = "skip".equals(System.getProperty("casebook.browser"));
        if (skipAsked && !ci) {
            String why = "browser tests left out (-Dcasebook.browser=skip)";
            System.err.println("[casebook] " + why);
            Assumptions.abort(why);
        }
        if (!missing.isEmpty()) {
            // never a silent "Tests run: 0": the suite fails and says what to install
            fail("browser test needs " + String.join(", ", missing) + "; as root, bash .ci/run installs them "
                    + "(or run mvn verify -Dcasebook.browser=skip to leave the browser tests out)");
        }
        System.setProperty("playwright.cli.dir", driverDir(driver, node.get()).toString());
        Playwright playwright = Playwright.create();
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true).setArgs(ARGS));
        return new Chromium(playwright, browser);
    }

    // Playwright looks for <dir>/package/cli.js and <dir>/node
    private static Path driverDir(Path playwrightCore, Path node) {
        try {
            Path dir = Path.of("target/playwright-driver").toAbsolutePath();
            Files.createDirectories(dir);
            link(dir.resolve("package"), playwrightCore);
            link(dir.resolve("node"), node);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void link(Path link, Path target) throws IOException {
        if (Files.isSymbolicLink(link) || Files.exists(link)) {
            Files.delete(link);
        }
        Files.createSymbolicLink(link, target);
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
