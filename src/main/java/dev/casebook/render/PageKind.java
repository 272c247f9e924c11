package dev.casebook.render;

import java.util.List;
import java.util.Set;

/**
 * A kind of page (home, article, tag, rule…): which pages of it the site has, and what it claims
 * in the URL space. Every kind is listed once in {@link PageKinds}; routes, the sections no folder
 * may be named, the sitemap and the list of pages to render all come from that list.
 */
interface PageKind {

    /** The kind's name: the template its pages use and {@code page.kind} in the templates. */
    String name();

    /** Every page of this kind, in the order the sitemap lists them. */
    List<Page> pages(PageContext site);

    /** Path segments under a language ({@code /en/tags/}) that this kind owns, so no section may use them. */
    default Set<String> reservedSections() {
        return Set.of();
    }
}
