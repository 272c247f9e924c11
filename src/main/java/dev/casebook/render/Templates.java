package dev.casebook.render;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.SourcePos;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The theme's Pebble templates, ready to render: the site's {@code templates/} first, then the
 * theme packaged in the jar. Strict variables and autoescaping are always on, and no page depends
 * on the machine's locale. A template that fails is a {@code config-template} diagnostic (exit
 * code 2) naming the template file and line.
 */
final class Templates {

    private final PebbleEngine engine;

    Templates(Theme theme) {
        List<Loader<?>> loaders = new ArrayList<>();
        theme.siteTemplates().ifPresent(dir -> {
            FileLoader files = new FileLoader(dir.toAbsolutePath().toString());
            files.setSuffix(".peb");
            loaders.add(files);
        });
        ClasspathLoader jar = new ClasspathLoader(Templates.class.getClassLoader());
        jar.setPrefix(Theme.CLASSPATH_ROOT.substring(0, Theme.CLASSPATH_ROOT.length() - 1));
        jar.setSuffix(".peb");
        loaders.add(jar);
        this.engine = engine(new DelegatingLoader(loaders));
    }

    private static PebbleEngine engine(Loader<?> loader) {
        return new PebbleEngine.Builder()
                .loader(loader)
                .strictVariables(true)
                .autoEscaping(true)
                .newLineTrimming(true)
                .defaultLocale(Locale.ROOT)
                .build();
    }

    /** The page at {@code path} from {@code template} and its model, as UTF-8. */
    Outcome<byte[]> render(String template, Map<String, Object> model, String path) {
        try {
            Page out = new Page();
            engine.getTemplate(template).evaluate(out, model, Locale.ROOT);
            return Outcome.of(out.text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (PebbleException e) {
            String file = (e.getFileName() == null ? template : e.getFileName()).replaceFirst("^.*[/\\\\]", "");
            file = file.endsWith(".peb") ? file : file + ".peb";
            int line = e.getLineNumber() == null || e.getLineNumber() < 1 ? 1 : e.getLineNumber();
            // name the template value, not the Java class behind it
            String message = String.valueOf(e.getPebbleMessage())
                    .replaceAll("\\[dev\\.casebook\\.render\\.Views\\$(\\w+)]", "[$1]");
            return Outcome.of(null, List.of(Diagnostic.error("config-template", new SourcePos("templates/" + file, line, 1),
                    "template failed for /" + path + ": " + message,
                    "fix the template; every variable and attribute it uses must exist (strict mode)")));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a page in memory does not fail
        }
    }

    /**
     * A page's text as the template writes it: a {@code StringWriter} without its lock on every
     * write (a template writes a page in hundreds of pieces, each page on one thread).
     */
    private static final class Page extends Writer {
        final StringBuilder text = new StringBuilder(16 * 1024);

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public Writer append(CharSequence chars) {
            text.append(chars);
            return this;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /**
     * Renders a small template with an engine configured as the real one, so that Pebble's classes
     * and its escaping tables are loaded before the first page needs them.
     */
    static String warmUp() {
        PebbleTemplate template = engine(new StringLoader()).getTemplate("""
                {% for link in links %}<a href="{{ link.href }}">{{ link.name | upper }}</a>{% if loop.last %}.{% endif %}
                {% endfor %}{{ title }} {{ count + 1 }}""");
        try {
            Page out = new Page();
            template.evaluate(out, Map.of("links", List.of(new Views.NamedLink("<a> & é", "/x?a=1&b=2")),
                    "title", "\"quoted\" 中文", "count", 1), Locale.ROOT);
            return out.text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
