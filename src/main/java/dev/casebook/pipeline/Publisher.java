package dev.casebook.pipeline;

import dev.casebook.content.Article;
import dev.casebook.content.TranslationResult;
import dev.casebook.content.Lang;
import dev.casebook.content.Link;
import dev.casebook.content.Output;
import dev.casebook.content.Routes;
import dev.casebook.content.Translation;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.SourcePos;
import dev.casebook.publish.OutputWriter;
import dev.casebook.publish.UrlVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The publish stage: every output of a rendered site written to the output folder (or, for
 * {@code casebook check}, only produced), with every internal URL of what is produced checked
 * against the files of the site before the new folder replaces the old one.
 */
final class Publisher {

    /** What publishing found, and whether the site replaced the previous one. */
    record Published(List<Diagnostic> diagnostics, boolean written) {
    }

    private Publisher() {
    }

    /**
     * Writes {@code site}'s outputs, then those {@code later} gives (the search index, built
     * meanwhile on a thread of its own; no page links into it but {@code search/search.js}).
     */
    static Published publish(BuildState site, Supplier<List<Output>> later) {
        BuildOptions options = site.options();
        Set<String> known = new HashSet<>();
        site.outputs().forEach(o -> known.add(o.path()));
        known.add(Routes.searchScript());
        UrlVerifier urls = new UrlVerifier(site.source().config().baseUrl(), known, label(options), pageLinks(site));
        OutputWriter.Inspector inspector = (path, content) -> {
            if (UrlVerifier.reads(path)) {
                urls.scan(path, content);
            }
        };
        Supplier<List<Output>> indexed = () -> {
            List<Output> files = later.get();
            urls.addFiles(files.stream().map(Output::path).toList());
            return files;
        };
        if (!options.write()) {
            List<Diagnostic> found = new ArrayList<>(OutputWriter.produce(site.outputs(), indexed, inspector));
            found.addAll(urls.diagnostics());
            return new Published(found, false);
        }
        try {
            List<Diagnostic> found = new OutputWriter().write(options.out(), site.outputs(), indexed, inspector, urls::diagnostics);
            return new Published(found, found.stream().noneMatch(Diagnostic::isError));
        } catch (IOException e) {
            return new Published(List.of(Diagnostic.error("config-output", SourcePos.file(options.out().toString()),
                    "cannot write the site: " + e.getMessage(), "check that the folder is writable")), false);
        }
    }

    /** The output folder as diagnostics name it: relative to the site folder when inside it. */
    private static String label(BuildOptions options) {
        Path site = options.site().toAbsolutePath().normalize();
        Path out = options.out().toAbsolutePath().normalize();
        return (out.startsWith(site) ? site.relativize(out) : out).toString().replace('\\', '/');
    }

    /** Finds the Markdown link behind a URL of an article page, so a dangling URL is reported where it can be fixed. */
    static UrlVerifier.Locator pageLinks(BuildState site) {
        Map<String, String> pageToSource = new HashMap<>();
        for (Article a : site.source().articles()) {
            for (Lang lang : site.source().config().languages()) {
                Translation shown = a.translation(lang).orElse(a.original());
                pageToSource.put(Routes.article(lang, a) + "index.html", shown.path());
            }
        }
        return (page, url) -> {
            String path = pageToSource.get(page);
            TranslationResult e = path == null ? null : site.entries().get(path);
            if (e == null) {
                return Optional.empty();
            }
            List<String> resolved = e.hrefs();
            List<Link> links = e.document().links();
            for (int i = 0; i < resolved.size() && i < links.size(); i++) {
                if (withoutFragment(resolved.get(i)).equals(withoutFragment(url))) {
                    return Optional.of(links.get(i).pos());
                }
            }
            return Optional.empty();
        };
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
