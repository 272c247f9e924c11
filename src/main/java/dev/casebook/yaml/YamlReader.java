package dev.casebook.yaml;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.SourcePos;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML the way PyYAML's {@code safe_load_all} does (YAML 1.1 types, anchors, aliases and
 * {@code <<} merge keys resolved) into immutable {@link YamlNode}s that carry the position of every
 * node, shifted to where the text sits in its file. Problems become diagnostics, never exceptions.
 *
 * <p>Diagnostic ids: {@code yaml-syntax} for text that is not YAML, {@code yaml-limit} for input
 * beyond {@link YamlLimits}.
 */
public final class YamlReader {

    private final YamlLimits limits;

    public YamlReader(YamlLimits limits) {
        this.limits = limits;
    }

    public YamlReader() {
        this(YamlLimits.DEFAULT);
    }

    /**
     * Reads every document of {@code text}.
     *
     * @param path         file path for positions, relative to the site root
     * @param lineOffset   lines before the text in its file (front matter starts after {@code ---})
     * @param columnOffset columns before the text (a fenced block indented in a list)
     */
    public YamlStream read(String text, String path, int lineOffset, int columnOffset) {
        Positions at = new Positions(path, lineOffset, columnOffset);
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Optional<YamlNode>> documents = new ArrayList<>();
        if (text.codePointCount(0, text.length()) > limits.maxCodePoints()) {
            diagnostics.add(Diagnostic.error("yaml-limit", at.start(),
                    "YAML text is longer than " + limits.maxCodePoints() + " characters",
                    "split the file; nothing this large is needed for a config or front matter"));
            return new YamlStream(documents, List.of(at.start()), diagnostics);
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by callers, resolved last-wins like PyYAML
        options.setMaxAliasesForCollections(limits.maxCollectionAliases());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit(Math.max(limits.maxCodePoints(), 1) * 4);
        options.setAllowRecursiveKeys(false);
        // the composer straight on the parser (a Yaml object also builds a constructor and a
        // representer this reader never uses), with each document's start noted as it passes
        Starts parser = new Starts(new ParserImpl(new StreamReader(new StringReader(text)), options), at);
        Composer composer = new Composer(parser, RESOLVER, options);
        try {
            while (composer.checkNode()) {
                Node node = composer.getNode();
                if (node == null) {
                    documents.add(Optional.empty());
                    continue;
                }
                Converter converter = new Converter(at, limits);
                YamlNode converted = converter.convert(node, 0);
                if (converter.failure != null) {
                    diagnostics.add(converter.failure);
                    break;
                }
                documents.add(isNullScalar(node) ? Optional.empty() : Optional.of(converted));
            }
        } catch (MarkedYAMLException e) {
            diagnostics.add(syntaxError(e, at, text));
        } catch (YAMLException e) {
            diagnostics.add(limitOrSyntax(e, at));
        } catch (StackOverflowError e) {
            diagnostics.add(Diagnostic.error("yaml-limit", at.start(),
                    "YAML is nested too deeply to read", "flatten the structure"));
        }
        // the starts of the documents read (up to a problem, if there is one), as their events gave them
        List<SourcePos> starts = new ArrayList<>(parser.starts.subList(0, Math.min(parser.starts.size(), documents.size())));
        while (starts.size() < Math.max(1, documents.size())) {
            starts.add(at.start());
        }
        return new YamlStream(documents, starts, diagnostics);
    }

    /** Shared: it only reads its tables once built. */
    private static final Resolver RESOLVER = new Resolver();

    /**
     * A parser that notes where each document starts as the composer takes its events: an empty
     * document has no node to carry its start.
     */
    private static final class Starts implements Parser {
        private final Parser parser;
        private final Positions at;
        final List<SourcePos> starts = new ArrayList<>();

        Starts(Parser parser, Positions at) {
            this.parser = parser;
            this.at = at;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event e = parser.getEvent();
            if (e instanceof DocumentStartEvent) {
                starts.add(at.of(e.getStartMark()));
            }
            return e;
        }
    }

    /** Reads a text that starts at the top-left of its own file. */
    public YamlStream read(String text, String path) {
        return read(text, path, 0, 0);
    }

    // An empty document ("---" with nothing, or only comments) composes to no node at all in
    // SnakeYAML, or to a null scalar for an explicit "~" / "null": both are None in PyYAML.
    private static boolean isNullScalar(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()) && s.getValue().isEmpty();
    }

    private static final Pattern KEY_AND_VALUE =
            Pattern.compile("(\\s*(?:- )?[A-Za-z_][A-Za-z0-9_.-]*):[ \\t]+(\\S.*)");

    private static Diagnostic syntaxError(MarkedYAMLException e, Positions at, String text) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = String.valueOf(e.getProblem());
        if (mark != null && problem.contains("mapping values are not allowed here")) {
            // the classic trap: an unquoted value that contains ": " (an error message, a URL note)
            String line = lineAt(text, mark.getLine());
            Matcher m = KEY_AND_VALUE.matcher(line);
            String hint = m.matches()
                    ? "quote the whole value: " + m.group(1).strip() + ": \"" + m.group(2).strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                    : "quote the value that contains \": \"";
            return Diagnostic.error("yaml-syntax", at.of(mark),
                    "invalid YAML: \": \" inside an unquoted value starts a new key", hint);
        }
        if (mark != null && problem.contains("(TAB)")) {
            return Diagnostic.error("yaml-syntax", at.of(mark), "invalid YAML: a tab in the indentation",
                    "YAML indents with spaces only: replace the tab with spaces");
        }
        return syntaxError(e, at);
    }

    private static String lineAt(String text, int line) {
        int start = 0;
        for (int i = 0; i < line && start >= 0; i++) {
            start = text.indexOf('\n', start);
            start = start < 0 ? -1 : start + 1;
        }
        if (start < 0) {
            return "";
        }
        int end = text.indexOf('\n', start);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }

    private static Diagnostic syntaxError(MarkedYAMLException e, Positions at) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : "invalid YAML";
        String context = e.getContext();
        if (problem.contains("exceeds the specified") || problem.contains("Nesting Depth")) {
            return Diagnostic.error("yaml-limit", mark == null ? at.start() : at.of(mark),
                    "YAML exceeds a safety limit: " + problem, "remove the aliases or nesting");
        }
        String message = context == null ? problem : problem + " (" + context + ")";
        return Diagnostic.error("yaml-syntax", mark == null ? at.start() : at.of(mark),
                "invalid YAML: " + message, "check indentation, quotes and colons on this line");
    }

    private static Diagnostic limitOrSyntax(YAMLException e, Positions at) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("exceeds") || text.contains("limit") || text.contains("Nesting Depth")) {
            return Diagnostic.error("yaml-limit", at.start(), "YAML exceeds a safety limit: " + text,
                    "remove the aliases or nesting; real configs stay far below these limits");
        }
        return Diagnostic.error("yaml-syntax", at.start(), "invalid YAML: " + text,
                "check indentation, quotes and colons");
    }

    /** Maps SnakeYAML's 0-based marks to positions in the enclosing file. */
    private record Positions(String path, int lineOffset, int columnOffset) {
        SourcePos of(Mark mark) {
            return new SourcePos(path, mark.getLine() + 1 + lineOffset, mark.getColumn() + 1 + columnOffset);
        }

        SourcePos start() {
            return new SourcePos(path, 1 + lineOffset, 1 + columnOffset);
        }
    }

    /** One document's conversion, with its node budget; stops at the first limit it meets. */
    private static final class Converter {
        private final Positions at;
        private final YamlLimits limits;
        private final Set<Node> active = Collections.newSetFromMap(new IdentityHashMap<>());
        private int nodes;
        private long chars;
        private Diagnostic failure;

        Converter(Positions at, YamlLimits limits) {
            this.at = at;
            this.limits = limits;
        }

        YamlNode convert(Node node, int depth) {
            SourcePos pos = at.of(node.getStartMark());
            if (failure != null) {
                return empty(pos);
            }
            if (++nodes > limits.maxNodes()) {
                failure = Diagnostic.error("yaml-limit", pos,
                        "YAML expands to more than " + limits.maxNodes() + " nodes (alias bomb?)",
                        "remove the aliases; a config this large is not meant to be read");
                return empty(pos);
            }
            if (depth > limits.maxDepth()) {
                failure = Diagnostic.error("yaml-limit", pos,
                        "YAML is nested deeper than " + limits.maxDepth() + " levels",
                        "flatten the structure");
                return empty(pos);
            }
            if (!active.add(node)) {
                failure = Diagnostic.error("yaml-limit", pos, "YAML alias refers to itself",
                        "remove the recursive alias");
                return empty(pos);
            }
            try {
                if (node instanceof ScalarNode scalar) {
                    chars += scalar.getValue().length();
                    if (chars > limits.maxExpandedChars()) {
                        failure = Diagnostic.error("yaml-limit", pos,
                                "YAML expands to more than " + limits.maxExpandedChars() + " characters (an alias repeats a long text?)",
                                "write the text once; aliases of long strings multiply what every reader must hold");
                        return empty(pos);
                    }
                    return scalar(scalar, pos);
                }
                if (node instanceof SequenceNode seq) {
                    List<YamlNode> items = new ArrayList<>();
                    for (Node child : seq.getValue()) {
                        items.add(convert(child, depth + 1));
                    }
                    return new YamlSequence(items, pos);
                }
                return mapping((MappingNode) node, pos, depth);
            } finally {
                active.remove(node);
            }
        }

        private YamlScalar scalar(ScalarNode node, SourcePos pos) {
            boolean quoted = !node.isPlain();
            return new YamlScalar(node.getValue(), quoted ? YamlScalar.Type.STRING : type(node.getTag()), quoted, pos);
        }

        private YamlMapping mapping(MappingNode node, SourcePos pos, int depth) {
            List<YamlMapping.Entry> explicit = new ArrayList<>();
            Map<String, YamlMapping.Entry> merged = new LinkedHashMap<>();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                YamlNode value = convert(tuple.getValueNode(), depth + 1);
                if (keyNode instanceof ScalarNode k && Tag.MERGE.equals(k.getTag())) {
                    mergeInto(merged, value);
                    continue;
                }
                YamlNode key = convert(keyNode, depth + 1);
                YamlScalar keyScalar = key instanceof YamlScalar s ? s
                        : new YamlScalar(key.describe(), YamlScalar.Type.OTHER, false, key.pos());
                explicit.add(new YamlMapping.Entry(keyScalar, value));
            }
            if (merged.isEmpty()) {
                return new YamlMapping(explicit, pos);
            }
            // PyYAML: merged keys come first; an explicit key overrides a merged one silently.
            List<YamlMapping.Entry> entries = new ArrayList<>();
            for (YamlMapping.Entry e : merged.values()) {
                if (explicit.stream().noneMatch(x -> x.name().equals(e.name()))) {
                    entries.add(e);
                }
            }
            entries.addAll(explicit);
            return new YamlMapping(entries, pos);
        }

        // "<<: *a" merges a mapping, "<<: [*a, *b]" merges several; earlier ones take precedence.
        private void mergeInto(Map<String, YamlMapping.Entry> merged, YamlNode value) {
            if (value instanceof YamlMapping m) {
                for (YamlMapping.Entry e : m.effective()) {
                    merged.putIfAbsent(e.name(), e);
                }
            } else if (value instanceof YamlSequence seq) {
                for (YamlNode item : seq.items()) {
                    if (item instanceof YamlMapping m) {
                        for (YamlMapping.Entry e : m.effective()) {
                            merged.putIfAbsent(e.name(), e);
                        }
                    }
                }
            }
        }

        private static YamlScalar empty(SourcePos pos) {
            return new YamlScalar("", YamlScalar.Type.NULL, false, pos);
        }

        private static YamlScalar.Type type(Tag tag) {
            if (Tag.STR.equals(tag)) return YamlScalar.Type.STRING;
            if (Tag.INT.equals(tag)) return YamlScalar.Type.INT;
            if (Tag.FLOAT.equals(tag)) return YamlScalar.Type.FLOAT;
            if (Tag.BOOL.equals(tag)) return YamlScalar.Type.BOOL;
            if (Tag.NULL.equals(tag)) return YamlScalar.Type.NULL;
            if (Tag.TIMESTAMP.equals(tag)) return YamlScalar.Type.TIMESTAMP;
            return YamlScalar.Type.OTHER;
        }
    }
}
