package dev.casebook.content;

import dev.casebook.diag.SourcePos;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which revision of another language a translation was made from, as its front matter records it:
 * {@code translated_from: zh@3f9c2a1b7d40}. A revision is the first 12 hex digits of the SHA-256
 * of the source's Markdown body (line ends as LF, trailing white space ignored), so it changes
 * exactly when the text a translator worked from changes, and `casebook translations --stamp`
 * can write it without a version control system.
 *
 * @param pos where the value is written, for diagnostics
 */
public record Provenance(Lang lang, String revision, SourcePos pos) {

    private static final Pattern FORM = Pattern.compile("([a-z]{2,3}(?:-[a-z0-9]{2,8})*)@([0-9a-f]{12})");

    /** The value as written in front matter. */
    public String text() {
        return lang.code() + "@" + revision;
    }

    /** Reads {@code zh@3f9c2a1b7d40}; empty when the text is not of that form. */
    public static Optional<Provenance> parse(String text, SourcePos pos) {
        Matcher m = FORM.matcher(text.strip());
        return m.matches() ? Optional.of(new Provenance(new Lang(m.group(1)), m.group(2), pos)) : Optional.empty();
    }

    /** The revision of a Markdown body. */
    public static String revision(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.stripTrailing().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
