package dev.casebook.render;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every kind of page the site has, in one list. Adding a kind means writing its class, its
 * template and its UI strings, and naming it here: the pages to render, the sitemap and the
 * section names no content folder may take all follow from this list.
 */
public final class PageKinds {

    /** Top-level folders of each language that are not pages of a kind: the theme's assets. */
    private static final Set<String> OTHER_RESERVED = Set.of("assets");

    private PageKinds() {
    }

    /**
     * A fresh instance of each kind (a kind may remember things for the one build it serves), in
     * sitemap order; the pages content declares (redirects) last, so a real page keeps its address.
     */
    static List<PageKind> all() {
        return List.of(new HomePage(), new SectionPage(), new TagsPage(), new TagPage(), new ErrorsPage(),
                new ProductsPage(), new ProductPage(), new ArticlePage(), new RulesPage(), new RulePage(),
                new TranslationsPage(), new SearchPage(), new CheckPage(), new RootPage(), new NotFoundPage(),
                new RedirectPage());
    }

    /** Names that no section may have, because a page kind (or the assets) lives there in every language. */
    public static Set<String> reservedSections() {
        Set<String> names = new TreeSet<>(OTHER_RESERVED);
        all().forEach(kind -> names.addAll(kind.reservedSections()));
        return Set.copyOf(names);
    }
}
