package dev.casebook.serve;

import dev.casebook.content.Output;
import dev.casebook.diag.Diagnostic;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildState;
import dev.casebook.pipeline.SiteBuild;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code casebook serve}: builds once, then rebuilds what each edit touches and tells open pages to
 * reload. The site is kept in memory and pages are rendered when asked for; the search index
 * follows each change in the background (the edited articles only, see
 * {@link dev.casebook.search.LiveIndex}), the last one served meanwhile, so a page reloads as soon
 * as its own text is ready. A build that fails keeps the last good site and shows the problems over it.
 *
 * <p>Watches {@code content/} (articles, bundle files, {@code _site.yaml}), {@code templates/} and,
 * in a checkout of Casebook, {@code src/main/resources/rules/}, with a watcher library that sees
 * files created right after their folder and uses FSEvents on macOS.
 */
public final class Preview implements AutoCloseable {

    /**
     * What is served: the site at {@code version}, its files apart from the search index's
     * ({@code pages}), the search index's files by path ({@code search}: the background index
     * replaces them without touching the rest), and the problems that keep an edit from showing.
     */
    public record State(long version, BuildState site, PageFiles pages, Map<String, Output> search,
                        List<Diagnostic> problems) {
        Optional<Output> file(String path) {
            Output found = search.get(path);
            return Optional.ofNullable(found != null ? found : pages.get(path));
        }

        /** Every file served, by path. */
        public Map<String, Output> files() {
            Map<String, Output> all = new HashMap<>();
            for (Output o : pages.outputs) {
                all.put(o.path(), o);
            }
            all.putAll(search);
            return all;
        }
    }

    /**
     * The site's files apart from the search index's, found by path through the place each path
     * has in the list. An edit seldom adds or removes a file, so the next rebuild's files keep
     * these places when their paths are the same, in the same order, instead of mapping 60,000
     * paths again (at 10,000 articles).
     */
    public static final class PageFiles {
        private final List<Output> outputs;
        private final Map<String, Integer> at;

        private PageFiles(List<Output> outputs, Map<String, Integer> at) {
            this.outputs = outputs;
            this.at = at;
        }

        /** {@code outputs}, placed anew, or with the places of {@code before} when the paths are the same. */
        static PageFiles of(List<Output> outputs, PageFiles before) {
            if (before != null && before.outputs.size() == outputs.size()) {
                boolean same = true;
                for (int i = 0; i < outputs.size() && same; i++) {
                    same = outputs.get(i).path().equals(before.outputs.get(i).path());
                }
                if (same) {
                    return new PageFiles(outputs, before.at);
                }
            }
            Map<String, Integer> at = new HashMap<>(outputs.size() * 4 / 3 + 1);
            for (int i = 0; i < outputs.size(); i++) {
                at.put(outputs.get(i).path(), i); // a path listed twice is served as its last file, as a build writes it
            }
            return new PageFiles(outputs, at);
        }

        Output get(String path) {
            Integer i = at.get(path);
            return i == null ? null : outputs.get(i);
        }
    }

    /** How long a rebuild waits for the rest of a burst of file events. */
    private static final long BURST_MS = 5;

    private final BuildOptions options;
    private final SiteBuild build = SiteBuild.incremental();
    private final PrintWriter log;
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(r -> daemon(r, "casebook-rebuild"));
    /**
     * The background search index runs here: one worker, so its parallel streams leave the other
     * core to the rebuilds that keep the preview responsive.
     */
    private final ForkJoinPool searches = new ForkJoinPool(1);
    /** How long after the last change the search index follows it. */
    private static final long SEARCH_DELAY_MS = 150;
    private final Set<Path> pending = new LinkedHashSet<>();
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    /** pages rendered for the current version */
    private final Map<String, byte[]> rendered = new ConcurrentHashMap<>();
    private volatile State state;
    private Future<?> search;
    private volatile Thread searching;
    private final ScheduledExecutorService delayer =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "casebook-search"));
    private DirectoryWatcher watcher;

    public Preview(BuildOptions options, PrintWriter log) {
        this.options = options;
        this.log = log;
    }

    /** The first build; the returned state may hold problems (then nothing but the overlay is served). */
    public State start() {
        long t = System.nanoTime();
        BuildState site = build.prepare(options, Set.of());
        state = new State(1, site, pages(site, null), search(site), problems(site));
        report(site, Set.of(), t);
        if (site.clean()) {
            indexInBackground(site, 1);
            if (!site.source().articles().isEmpty()) {
                Path article = options.site().resolve(site.source().articles().get(0).original().path());
                rebuilds.submit(() -> warmUp(article));
            }
        }
        return state;
    }

    /** How many times the edit path runs before the first real edit. */
    private static final int WARM_UP_EDITS = 3;

    /**
     * Runs a rebuild's code before the writer's first save: reading one article again as if it
     * had been saved unchanged, a few times, so the code that only an edit runs is compiled by
     * then (a session's first saves took two to three times as long as the later ones). Nothing
     * is published: the site it gives is the one being served. Stops as soon as an edit waits.
     */
    private void warmUp(Path article) {
        for (int i = 0; i < WARM_UP_EDITS; i++) {
            synchronized (pending) {
                if (!pending.isEmpty()) {
                    return;
                }
            }
            try {
                build.prepare(options, Set.of(article));
            } catch (RuntimeException e) {
                return; // the next real rebuild reports whatever this met
            }
        }
    }

    public State state() {
        return state;
    }

    void onChange(Consumer<State> listener) {
        listeners.add(listener);
    }

    /** The bytes of {@code file} as the built site has them, rendering a page the first time it is asked for. */
    byte[] content(State s, Output file) throws IOException {
        if (file instanceof Output.Bytes b) {
            return b.content();
        }
        if (file instanceof Output.Copy c) {
            return Files.readAllBytes(c.from());
        }
        Output.Lazy lazy = (Output.Lazy) file;
        if (s != state) {
            return lazy.content().get();
        }
        return rendered.computeIfAbsent(lazy.path(), p -> lazy.content().get());
    }

    /** Starts watching; each burst of changes becomes one rebuild. */
    public void watch() throws IOException {
        List<Path> roots = new ArrayList<>();
        roots.add(options.site().resolve("content"));
        Path templates = options.site().resolve("templates");
        if (Files.isDirectory(templates)) {
            roots.add(templates);
        }
        options.rules().filter(Files::isDirectory).ifPresent(roots::add);
        watcher = DirectoryWatcher.builder()
                .paths(roots)
                .fileHashing(false)
                .listener(this::changed)
                .build();
        watcher.watchAsync();
    }

    private void changed(DirectoryChangeEvent event) {
        if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW || event.path() == null) {
            rebuild(Set.of()); // the watcher lost track: read everything
            return;
        }
        rebuild(Set.of(event.path()));
    }

    /** Queues a rebuild for {@code paths} (empty: everything); changes that arrive while one runs are merged. */
    public void rebuild(Set<Path> paths) {
        synchronized (pending) {
            boolean idle = pending.isEmpty();
            pending.addAll(paths.isEmpty() ? Set.of(options.site()) : paths);
            if (!idle) {
                return;
            }
        }
        rebuilds.submit(this::runRebuild);
    }

    private void runRebuild() {
        cancelSearch(); // the rebuild gets the cores; a newer index follows it
        try {
            // an editor's save is often several events (a temporary file, a rename): take them as one
            Thread.sleep(BURST_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Set<Path> changed;
        synchronized (pending) {
            changed = new LinkedHashSet<>(pending);
            pending.clear();
        }
        long t = System.nanoTime();
        try {
            // the site folder itself in the set means: read everything (the loader reads everything
            // again on its own when content/_site.yaml or a section folder changed)
            Set<Path> paths = changed.contains(options.site()) ? Set.of() : changed;
            BuildState site = build.prepare(options, paths);
            State before = state;
            if (site.clean()) {
                rendered.clear();
                state = new State(before.version() + 1, site, pages(site, before.pages()), search(site), List.of());
                indexInBackground(site, state.version());
            } else {
                state = new State(before.version() + 1, before.site(), before.pages(), before.search(), problems(site));
            }
            report(site, changed, t);
            listeners.forEach(l -> l.accept(state));
        } catch (RuntimeException e) {
            log.println("casebook serve: rebuild failed: " + e);
            log.flush();
        }
    }

    private synchronized void cancelSearch() {
        if (search != null) {
            search.cancel(false); // not started yet: it will not
            search = null;
        }
        Thread worker = searching;
        if (worker != null) {
            worker.interrupt(); // started: the indexer stops at its next check
        }
    }

    private synchronized void indexInBackground(BuildState site, long version) {
        cancelSearch();
        search = delayer.schedule(() -> searches.execute(() -> {
            searching = Thread.currentThread();
            try {
                BuildState indexed = build.withSearch(site);
                synchronized (this) {
                    State now = state;
                    if (now.version() == version) {
                        state = new State(version, indexed, now.pages(), search(indexed), now.problems());
                    }
                }
            } catch (CancellationException e) {
                // a newer edit came first; its own index follows
            } finally {
                searching = null;
                Thread.interrupted(); // the pool's worker goes on clean
            }
        }), SEARCH_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    /** The site's files apart from the search index's, placed as {@code before} placed them when the paths are the same. */
    private static PageFiles pages(BuildState site, PageFiles before) {
        return PageFiles.of(site.outputsBesideSearch(), before);
    }

    /** The search index's files, by path. */
    private static Map<String, Output> search(BuildState site) {
        Map<String, Output> files = new HashMap<>();
        site.search().forEach(o -> files.put(o.path(), o));
        return files;
    }

    private static List<Diagnostic> problems(BuildState site) {
        return site.clean() ? List.of() : site.report().diagnostics().stream()
                .filter(d -> d.isError() || site.options().strict()).toList();
    }

    private void report(BuildState site, Set<Path> changed, long start) {
        long ms = (System.nanoTime() - start) / 1_000_000;
        site.report().diagnostics().forEach(d -> log.println(d.format()));
        String what = changed.isEmpty() ? "built" : "rebuilt after " + changed.size() + " change" + (changed.size() == 1 ? "" : "s");
        log.println("casebook serve: " + what + " in " + ms + " ms, " + site.report().errors() + " errors, "
                + site.report().warnings() + " warnings" + (site.clean() ? "" : "; showing the last good site"));
        log.flush();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rebuilds.shutdownNow();
        delayer.shutdownNow();
        searches.shutdownNow();
        try {
            rebuilds.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
