/**
 * The parse stage: an article body (Markdown) into a {@code Document}: HTML with slots for links
 * and code-block bars, headings, links, snippets and plain text. The only package that uses
 * flexmark; imports {@code content} and {@code diag}.
 */
package dev.casebook.parse;
