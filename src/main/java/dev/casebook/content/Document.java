package dev.casebook.content;

import dev.casebook.diag.Diagnostic;
import java.util.List;

/**
 * A translation's Markdown, parsed: the HTML of its body (with slots for links and snippets that
 * later stages fill), its headings, links, snippets and plain text, and the problems that kept
 * it from being read (a Markdown beyond the limits gives an empty document and a diagnostic).
 */
public record Document(String html, List<Heading> headings, List<Link> links, List<Snippet> snippets, String text,
                       List<Diagnostic> problems) {

    public Document {
        headings = List.copyOf(headings);
        links = List.copyOf(links);
        snippets = List.copyOf(snippets);
        problems = List.copyOf(problems);
    }

    public Document(String html, List<Heading> headings, List<Link> links, List<Snippet> snippets, String text) {
        this(html, headings, links, snippets, text, List.of());
    }

    /** A document that could not be read, for the reasons given. */
    public static Document unreadable(List<Diagnostic> problems) {
        return new Document("", List.of(), List.of(), List.of(), "", problems);
    }

    /** This document once search has indexed its text, which no later stage reads. */
    public Document withoutText() {
        return new Document(html, headings, links, snippets, "", problems);
    }
}
