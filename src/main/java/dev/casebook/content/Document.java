package dev.casebook.content;

import java.util.List;

/**
 * A translation's Markdown, parsed: the HTML of its body (with slots for links and snippets that
 * later stages fill), its headings, links, snippets and plain text.
 */
public record Document(String html, List<Heading> headings, List<Link> links, List<Snippet> snippets, String text) {

    public Document {
        headings = List.copyOf(headings);
        links = List.copyOf(links);
        snippets = List.copyOf(snippets);
    }

    /** This document once search has indexed its text, which no later stage reads. */
    public Document withoutText() {
        return new Document(html, headings, links, snippets, "");
    }
}
