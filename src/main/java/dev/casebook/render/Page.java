package dev.casebook.render;

import dev.casebook.diag.SourcePos;
import dev.casebook.content.Lang;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One page of the site: where it is written, the template that renders it, its model (made only
 * when the page is written or served, so a large site never holds every model at once), and how
 * the sitemap lists it, if it does.
 */
record Page(String path, String template, Supplier<Map<String, Object>> model, Optional<Listing> listing,
            Optional<Declared> declared) {

    /** Where content asked for a page at this path (an alias), so that a clash is reported there. */
    record Declared(SourcePos pos, String what) {
    }

    Page(String path, String template, Supplier<Map<String, Object>> model, Optional<Listing> listing) {
        this(path, template, model, listing, Optional.empty());
    }

    /**
     * A page's entry in {@code sitemap.xml}: the languages it exists in, where it is in each, and the
     * date it last changed when that is known.
     */
    record Listing(List<Lang> languages, Function<Lang, String> pathIn, Optional<String> lastModified) {
    }

    static Page unlisted(String path, String template, Supplier<Map<String, Object>> model) {
        return new Page(path, template, model, Optional.empty());
    }
}
