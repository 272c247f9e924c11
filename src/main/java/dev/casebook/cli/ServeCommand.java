package dev.casebook.cli;

import dev.casebook.content.BaseUrl;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.serve.Preview;
import dev.casebook.serve.PreviewServer;
import java.awt.Desktop;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Builds the site, serves it and rebuilds on every change: the way to write an article. "
                + "Pages reload by themselves; a build error shows over the page with its file and line.",
                "Serves under the same base path as the published site, so sub-path mistakes show up locally."})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--site", paramLabel = "DIR", description = "Knowledge base folder, holding content/ (default: current folder).")
    Path site = Path.of(".");

    @Option(names = "--port", paramLabel = "N", defaultValue = "1313", description = "Port to listen on (default: 1313; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: 127.0.0.1, this machine only).")
    String host;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Serve under this URL's path, e.g. http://localhost:1313/kb/ (default: the path of base_url in _site.yaml).")
    String baseUrl;

    @Option(names = "--drafts", description = "Also show articles with draft: true.")
    boolean drafts;

    @Option(names = "--strict", description = "Treat warnings as errors (shown over the page).")
    boolean strict;

    @Option(names = "--open", description = "Open the site in the default browser.")
    boolean open;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CommandLine cli = spec.commandLine();
        PrintWriter err = cli.getErr();
        SiteOptions.requireSite(cli, site);
        Optional<BaseUrl> base = SiteOptions.baseUrl(cli, baseUrl);
        BuildOptions options = new BuildOptions(site, site.resolve("target").resolve("site"), base, drafts, strict, false,
                Optional.empty());
        Path rules = site.resolve("src/main/resources/rules");
        if (Files.isRegularFile(rules.resolve("catalog.yaml"))) {
            options = options.withRules(rules); // a checkout of Casebook: rule texts are watched too
        }
        Preview preview = new Preview(options, err);
        Preview.State first = preview.start();
        BaseUrl served = first.site().source().config().baseUrl();
        PreviewServer server;
        try {
            server = new PreviewServer(preview, served, host, port);
        } catch (IOException e) {
            err.println("casebook serve: cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + " (try --port with another number)");
            return Main.USAGE;
        }
        server.start();
        preview.watch();
        String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port() + served.path();
        err.println("casebook serve: " + url + " (Ctrl+C to stop)");
        err.flush();
        if (open) {
            openBrowser(url, err);
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            preview.close();
            stop.countDown();
        }));
        stop.await();
        return Main.OK;
    }

    private static void openBrowser(String url, PrintWriter err) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
                return;
            }
        } catch (IOException | UnsupportedOperationException e) {
            // fall through to the message
        }
        err.println("casebook serve: no browser to open here; open " + url + " yourself");
    }
}
