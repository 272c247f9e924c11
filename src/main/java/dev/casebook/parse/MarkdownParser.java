package dev.casebook.parse;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.LinkResolverFactory;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;
import dev.casebook.content.Document;
import dev.casebook.content.Heading;
import dev.casebook.content.Snippet;
import dev.casebook.content.Tab;
import dev.casebook.content.Translation;
import dev.casebook.diag.Diagnostic;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Deque;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parse stage: Markdown to a {@link Document}. One flexmark parser and renderer are built once
 * and shared (they are thread-safe); per-document state travels in the flexmark document's data.
 *
 * <p>Choices: CommonMark plus GFM tables, strikethrough, task lists, autolinks and footnotes;
 * callouts in GitHub's form ({@code > [!NOTE]}, {@code [!TIP]}, {@code [!IMPORTANT]},
 * {@code [!WARNING]}, {@code [!CAUTION]}) so the same file reads well on GitHub; raw HTML is
 * escaped, never passed through, because articles come from pull requests.
 */
public final class MarkdownParser {

    /** Callout kinds, in GitHub's names. */
    public static final List<String> CALLOUTS = List.of("note", "tip", "important", "warning", "caution");

    private static final Pattern CALLOUT_MARKER =
            Pattern.compile("\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)]", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern NOT_LANGUAGE = Pattern.compile("[^A-Za-z0-9_+-]");
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern EXPLICIT_ID = Pattern.compile("[\\p{L}\\p{M}\\p{N}_-]+");

    private static final DataKey<State> STATE = new DataKey<>("CASEBOOK_STATE", (State) null);

    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownParser() {
        MutableDataSet options = new MutableDataSet();
        List<Extension> extensions = List.of(TablesExtension.create(), StrikethroughExtension.create(),
                TaskListExtension.create(), new QuickAutolinks(), FootnoteExtension.create(), new CollapsibleBlocks(), new ContentTabs());
        options.set(Parser.EXTENSIONS, extensions);
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.FORMAT_FLAGS, HtmlRenderer.PASS_THROUGH);
        // flexmark silently unlinks javascript: URLs; let the link resolver see them to warn about them
        options.set(HtmlRenderer.SUPPRESSED_LINKS, "");
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.FENCED_CODE_NO_LANGUAGE_CLASS, "language-text");
        options.set(TablesExtension.CLASS_NAME, "table");
        options.set(TaskListExtension.ITEM_DONE_MARKER,
                "<input type=\"checkbox\" class=\"task\" checked disabled> ");
        options.set(TaskListExtension.ITEM_NOT_DONE_MARKER, "<input type=\"checkbox\" class=\"task\" disabled> ");
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options)
                .htmlIdGeneratorFactory(new HeaderIdGeneratorFactory() {
                    @Override
                    public HtmlIdGenerator create(LinkResolverContext context) {
                        return new HeadingIds();
                    }

                    @Override
                    public HtmlIdGenerator create() {
                        return new HeadingIds();
                    }
                })
                .linkResolverFactory(new SlotLinks())
                .nodeRendererFactory(options1 -> new CasebookNodes())
                .build();
    }

    /**
     * Loads and runs flexmark's parser once on a small document, so that its classes are ready
     * when the parse stage starts (see {@code SiteBuild.warmUp}).
     */
    public static void warmUp() {
        new MarkdownParser().parser.parse("""
                # Title {#id}

                Text with *emphasis*, `code`, a [link](https://example.com/) and https://example.com/x.[^1]

                > [!NOTE]
                > A callout.

                - [ ] a task
                1. an item

                | a | b |
                | - | - |
                | 1 | 2 |

                ```yaml
                key: value
                ```

                [^1]: A footnote.
                """);
    }

    /**
     * Parses one translation's body.
     *
     * @param calloutTitles the title shown on each callout kind, in the translation's language
     */
    public Document parse(Translation translation, Map<String, String> calloutTitles) {
        LineIndex lines = new LineIndex(translation.body(), translation.path(), translation.bodyLine());
        List<Diagnostic> problems = MarkdownLimits.check(translation.body(), lines);
        if (!problems.isEmpty()) {
            return Document.unreadable(problems);
        }
        try {
            return read(translation, calloutTitles, lines);
        } catch (StackOverflowError e) {
            // a safety net under the limits: whatever nests beyond the parser's reach is a diagnostic
            return Document.unreadable(List.of(Diagnostic.error("markdown-limit", lines.at(0),
                    "Markdown beyond a safety limit: nested too deeply to read", "flatten the nesting")));
        }
    }

    private Document read(Translation translation, Map<String, String> calloutTitles, LineIndex lines) {
        com.vladsch.flexmark.util.ast.Document doc = parser.parse(translation.body());
        State state = new State(lines, calloutTitles);
        markCallouts(doc, state);
        explicitHeadingIds(doc);
        doc.set(STATE, state);
        String html = renderer.render(doc);

        List<Heading> headings = new ArrayList<>();
        for (Node node : doc.getDescendants()) {
            if (node instanceof com.vladsch.flexmark.ast.Heading h) {
                headings.add(new Heading(h.getLevel(), PlainText.of(h),
                        h.getAnchorRefId(), lines.at(h.getStartOffset())));
            }
        }
        String text = PlainText.of(doc);
        return new Document(html, headings, state.links, state.snippets, text);
    }

    /** What one document's rendering collects. */
    private static final class State {
        final LineIndex lines;
        final Map<String, String> calloutTitles;
        final Map<Node, String> callouts = new IdentityHashMap<>();
        final Map<Node, Integer> linkSlots = new IdentityHashMap<>();
        final List<dev.casebook.content.Link> links = new ArrayList<>();
        final List<Snippet> snippets = new ArrayList<>();
        /** the tabs being rendered, innermost first; the tab set of each tab rendered; how many sets so far */
        final Deque<Tab> tabs = new ArrayDeque<>();
        final Map<Node, Tab> tabOf = new IdentityHashMap<>();
        int tabSets;

        State(LineIndex lines, Map<String, String> calloutTitles) {
            this.lines = lines;
            this.calloutTitles = calloutTitles;
        }
    }

    // A block quote whose first line is exactly "[!NOTE]" (or another kind) is a callout. The tree
    // is left as flexmark built it; rendering skips the marker line.
    private static void markCallouts(com.vladsch.flexmark.util.ast.Document doc, State state) {
        for (Node node : doc.getDescendants()) {
            if (node instanceof BlockQuote quote && quote.getFirstChild() instanceof Paragraph first) {
                Matcher m = CALLOUT_MARKER.matcher(first.getChars().toString().split("\n", 2)[0].strip());
                if (m.matches()) {
                    state.callouts.put(quote, m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    // "## Title {#my-id}" (the form of Hugo, Pandoc and kramdown): the id is taken and the marker
    // leaves the heading's text
    private static void explicitHeadingIds(com.vladsch.flexmark.util.ast.Document doc) {
        for (Node node : doc.getDescendants()) {
            if (node instanceof com.vladsch.flexmark.ast.Heading heading
                    && heading.getLastChild() instanceof Text text) {
                // found from the end without a regex scan, so a long heading costs one pass
                String chars = text.getChars().toString();
                int close = chars.length() - 1;
                int open = chars.lastIndexOf("{#");
                if (close > 0 && chars.charAt(close) == '}' && open >= 0
                        && EXPLICIT_ID.matcher(chars.substring(open + 2, close)).matches()) {
                    int cut = open;
                    while (cut > 0 && (chars.charAt(cut - 1) == ' ' || chars.charAt(cut - 1) == '\t')) {
                        cut--;
                    }
                    text.setChars(text.getChars().subSequence(0, cut));
                    heading.setAnchorRefId(chars.substring(open + 2, close));
                }
            }
        }
    }

    /** MkDocs Material's admonition types, by the callout kind that looks like them. */
    private static String admonitionKind(String type) {
        return switch (type) {
            case "tip", "hint", "success", "check", "done" -> "tip";
            case "important" -> "important";
            case "warning", "caution", "attention" -> "warning";
            case "danger", "error", "failure", "fail", "missing", "bug" -> "caution";
            default -> "note";
        };
    }

    /** The inline nodes of a paragraph after its first line. */
    private static List<Node> afterFirstLine(Paragraph paragraph) {
        List<Node> rest = new ArrayList<>();
        boolean past = false;
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
            if (past) {
                rest.add(child);
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                past = true;
            }
        }
        return rest;
    }

    /** Renders callouts and fenced code the Casebook way; everything else is flexmark's default. */
    private static final class CasebookNodes implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(BlockQuote.class, this::blockQuote),
                    new NodeRenderingHandler<>(AdmonitionBlock.class, this::admonition),
                    new NodeRenderingHandler<>(FencedCodeBlock.class, this::fencedCode),
                    new NodeRenderingHandler<>(ContentTabs.TabBlock.class, this::tab),
                    new NodeRenderingHandler<>(Text.class, this::text));
        }

        /**
         * Text with nothing to unescape (no backslash, no entity) and no carriage return, escaped
         * straight from the Markdown string: flexmark's own path unescapes, normalises line ends
         * and escapes through three regular-expression passes over sequence wrappers, the same
         * HTML in the end. Anything else goes that way.
         */
        private void text(Text node, NodeRendererContext context, HtmlWriter html) {
            BasedSequence chars = node.getChars();
            if (chars instanceof SubSequence && chars.getBase() instanceof String base) {
                char[] text = SourceChars.of(base);
                int start = chars.getStartOffset();
                int end = chars.getEndOffset();
                StringBuilder out = null;
                int from = start;
                for (int i = start; i < end; i++) {
                    char c = text[i];
                    if (c == '\\' || c == '&' || c == '\r') {
                        context.delegateRender();
                        return;
                    }
                    String entity = c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;" : null;
                    if (entity != null) {
                        out = out == null ? new StringBuilder(end - start + 16) : out;
                        out.append(base, from, i).append(entity);
                        from = i + 1;
                    }
                }
                html.raw(out == null ? base.substring(start, end) : out.append(base, from, end).toString());
                return;
            }
            context.delegateRender();
        }

        private void blockQuote(BlockQuote node, NodeRendererContext context, HtmlWriter html) {
            State state = context.getDocument().get(STATE);
            String kind = state.callouts.get(node);
            if (kind == null) {
                context.delegateRender();
                return;
            }
            String title = state.calloutTitles.getOrDefault(kind, kind);
            html.line().raw("<div class=\"callout callout-" + kind + "\" role=\"note\">").line();
            html.raw("<p class=\"callout-title\">").text(title).raw("</p>").line();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child == node.getFirstChild() && child instanceof Paragraph first) {
                    List<Node> rest = afterFirstLine(first);
                    if (!rest.isEmpty()) {
                        html.raw("<p>");
                        rest.forEach(context::render);
                        html.raw("</p>").line();
                    }
                } else {
                    context.render(child);
                }
            }
            html.raw("</div>").line();
        }

        /**
         * MkDocs' blocks: {@code ??? note "Title"} is a collapsed {@code <details>} (open with
         * {@code ???+}), {@code !!! note "Title"} a callout; the kind maps to the nearest callout kind.
         */
        private void admonition(AdmonitionBlock node, NodeRendererContext context, HtmlWriter html) {
            State state = context.getDocument().get(STATE);
            String kind = admonitionKind(node.getInfo().toString().toLowerCase(Locale.ROOT));
            String title = node.getTitle().isNull() || node.getTitle().toString().isBlank()
                    ? state.calloutTitles.getOrDefault(kind, kind) : node.getTitle().toString();
            String marker = node.getOpeningMarker().toString();
            if (marker.startsWith("???")) {
                html.line().raw("<details class=\"callout callout-" + kind + " collapsible\"" + (marker.endsWith("+") ? " open" : "") + ">");
                html.raw("<summary class=\"callout-title\">").text(title).raw("</summary>").line();
                context.renderChildren(node);
                html.raw("</details>").line();
                return;
            }
            html.line().raw("<div class=\"callout callout-" + kind + "\" role=\"note\">").line();
            html.raw("<p class=\"callout-title\">").text(title).raw("</p>").line();
            context.renderChildren(node);
            html.raw("</div>").line();
        }

        private void tab(ContentTabs.TabBlock node, NodeRendererContext context, HtmlWriter html) {
            State state = context.getDocument().get(STATE);
            Tab before = ContentTabs.continuesSet(node) ? state.tabOf.get(node.getPrevious()) : null;
            Tab tab = ContentTabs.describe(node, before == null ? ++state.tabSets : before.set(), before == null ? 0 : before.index() + 1,
                    state.lines.at(node.opening));
            state.tabOf.put(node, tab);
            state.tabs.push(tab);
            ContentTabs.render(node, tab, context, html);
            state.tabs.pop();
        }

        private void fencedCode(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
            State state = context.getDocument().get(STATE);
            InfoString info = InfoString.parse(node.getInfo().toString());
            String code = node.getContentChars().toString();
            int contentStart = node.getContentLines().isEmpty()
                    ? node.getClosingMarker().getStartOffset()
                    : node.getContentLines().get(0).getStartOffset();
            int index = state.snippets.size();
            state.snippets.add(new Snippet(info.language(), info.attributes(), info.flags(), code,
                    state.lines.at(contentStart), state.lines.at(node.getStartOffset()), Optional.ofNullable(state.tabs.peek())));
            String language = info.language().isEmpty() ? "text" : NOT_LANGUAGE.matcher(info.language()).replaceAll("");
            html.line().raw("<div class=\"code\">").raw(Snippet.slot(index));
            html.raw("<pre><code class=\"language-").raw(language).raw("\">");
            html.openPre(); // keep the code's indentation exactly
            html.text(code);
            html.closePre();
            html.raw("</code></pre></div>").line();
        }
    }

    /**
     * Gives every link or image that points inside the site (same-page anchors too), or uses an
     * unsafe scheme, a slot: the
     * HTML holds {@code casebook-link:N} and the check stage decides the real URL.
     */
    private static final class SlotLinks extends Unordered implements LinkResolverFactory {
        @Override
        public LinkResolver apply(LinkResolverBasicContext context) {
            return (node, ctx, link) -> {
                if (link.getLinkType() != LinkType.LINK && link.getLinkType() != LinkType.IMAGE) {
                    return link;
                }
                String url = link.getUrl();
                if (isSafeAbsolute(url)) {
                    return link;
                }
                if (url.regionMatches(true, 0, "www.", 0, 4) && node instanceof AutoLink) {
                    // a bare www.example.com, which GitHub links too: the web, not a file of the site
                    return new ResolvedLink(link.getLinkType(), "https://" + url, link.getAttributes(), LinkStatus.VALID);
                }
                State state = ctx.getDocument().get(STATE);
                Integer slot = state.linkSlots.get(node);
                if (slot == null) {
                    slot = state.links.size();
                    state.linkSlots.put(node, slot);
                    state.links.add(new dev.casebook.content.Link(url, link.getLinkType() == LinkType.IMAGE,
                            state.lines.at(urlOffset(node))));
                }
                return new ResolvedLink(link.getLinkType(), dev.casebook.content.Link.slot(slot),
                        link.getAttributes(), LinkStatus.VALID);
            };
        }

        private static boolean isSafeAbsolute(String url) {
            Matcher m = SCHEME.matcher(url);
            return m.find() && SAFE_SCHEMES.contains(m.group(1).toLowerCase(Locale.ROOT));
        }

        private static int urlOffset(Node node) {
            BasedSequence url = null;
            if (node instanceof Link l) {
                url = l.getUrl();
            } else if (node instanceof Image i) {
                url = i.getUrl();
            } else if (node instanceof LinkRef r) {
                url = r.getReference();
            } else if (node instanceof ImageRef r) {
                url = r.getReference();
            }
            return url != null && url.isNotNull() && !url.isEmpty() ? url.getStartOffset() : node.getStartOffset();
        }
    }
}
