package dev.casebook.render;

import dev.casebook.diag.SourcePos;
import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of the site: where it is written, the template that renders it, its model (made from
 * the site's {@link PageContext} only when the page is written or served, so a large site never
 * holds every model at once, and a page does not hold on to one build's context), and how the
 * sitemap lists it, if it does.
 */
record Page(String path, String template, Function<PageContext, Map<String, Object>> model, Optional<Listing> listing,
            Optional<Declared> declared, String file) {

    /** Where content asked for a page at this path (an alias), so that a clash is reported there. */
    record Declared(SourcePos pos, String what) {
    }

    /** The page, written to the file {@link Routes#file} names for its path. */
    Page(String path, String template, Function<PageContext, Map<String, Object>> model, Optional<Listing> listing,
         Optional<Declared> declared) {
        this(path, template, model, listing, declared, Routes.file(path));
    }

    Page(String path, String template, Function<PageContext, Map<String, Object>> model, Optional<Listing> listing) {
        this(path, template, model, listing, Optional.empty());
    }

    /**
     * A page's entry in {@code sitemap.xml}: the languages it exists in, where it is in each, and the
     * date it last changed when that is known.
     */
    record Listing(List<Lang> languages, Function<Lang, String> pathIn, Optional<String> lastModified) {
    }

    static Page unlisted(String path, String template, Function<PageContext, Map<String, Object>> model) {
        return new Page(path, template, model, Optional.empty());
    }
}
