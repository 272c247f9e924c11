import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The least a build of a corpus can cost with flexmark: every article body read, parsed and
 * rendered to HTML with the extensions Casebook uses (autolinks left out, which only makes it
 * cheaper), on all cores, in a fresh JVM, and nothing else. Run by bench/parser-floor.sh.
 */
public final class ParserFloor {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        List<String> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(args[0], "content"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().matches("index\\.[a-z]+\\.md")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int end = text.startsWith("---") ? text.indexOf("\n---", 3) : -1;
                bodies.add(end < 0 ? text : text.substring(text.indexOf('\n', end + 1) + 1));
            }
        }
        long read = System.nanoTime();
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                TaskListExtension.create(), FootnoteExtension.create()));
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.FORMAT_FLAGS, HtmlRenderer.PASS_THROUGH);
        Parser parser = Parser.builder(options).build();
        HtmlRenderer renderer = HtmlRenderer.builder(options).build();
        long html = bodies.parallelStream().mapToLong(body -> renderer.render(parser.parse(body)).length()).sum();
        long done = System.nanoTime();
        System.out.printf("%d Markdown files, %.1f MB of HTML: read %.2f s, flexmark parse and render %.2f s%n",
                bodies.size(), html / 1e6, (read - start) / 1e9, (done - read) / 1e9);
    }
}
