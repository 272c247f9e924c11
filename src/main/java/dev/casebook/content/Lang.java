package dev.casebook.content;

import java.util.regex.Pattern;

/** A content language, by its code as used in file names and URLs ({@code en}, {@code zh}). */
public record Lang(String code) implements Comparable<Lang> {

    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");

    public Lang {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a language code: " + code);
        }
    }

    public static boolean isValid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    @Override
    public int compareTo(Lang o) {
        return code.compareTo(o.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
