package dev.casebook.content;

import dev.casebook.diag.SourcePos;

/** A heading of an article, with the id its anchor has on the page. */
public record Heading(int level, String text, String id, SourcePos pos) {
}
