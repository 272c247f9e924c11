package dev.casebook.content;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One language version of an article: its own front matter (title, summary, dates) and its
 * Markdown body.
 *
 * @param path     source file, relative to the site root ({@code content/litellm/x/index.zh.md})
 * @param body     the Markdown after the front matter
 * @param bodyLine number of lines before the body in the file, to map body positions to file lines
 * @param revision the revision of the body ({@link Provenance#revision}), kept after the body is dropped
 * @param translatedFrom the revision of another language this translation was made from, if it says
 */
public record Translation(
        Lang lang,
        String path,
        String title,
        String summary,
        LocalDate date,
        Optional<LocalDate> updated,
        boolean draft,
        String body,
        int bodyLine,
        String revision,
        Optional<Provenance> translatedFrom) {

    /** A translation that records no provenance; its revision is computed from the body. */
    public Translation(Lang lang, String path, String title, String summary, LocalDate date, Optional<LocalDate> updated,
                       boolean draft, String body, int bodyLine) {
        this(lang, path, title, summary, date, updated, draft, body, bodyLine, Provenance.revision(body), Optional.empty());
    }

    /** This translation once its body is parsed; later stages read the parsed document. */
    public Translation withoutBody() {
        if (body.isEmpty()) {
            return this;
        }
        return new Translation(lang, path, title, summary, date, updated, draft, "", bodyLine, revision, translatedFrom);
    }

    /** The date a reader cares about: the last update, else the publication date. */
    public LocalDate lastModified() {
        return updated.orElse(date);
    }
}
