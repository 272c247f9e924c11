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
        int bodyLine) {

    /** This translation once its body is parsed; later stages read the parsed document. */
    public Translation withoutBody() {
        return new Translation(lang, path, title, summary, date, updated, draft, "", bodyLine);
    }

    /** The date a reader cares about: the last update, else the publication date. */
    public LocalDate lastModified() {
        return updated.orElse(date);
    }
}
