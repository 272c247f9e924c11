package dev.casebook.validate.schema;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * The schema's regular expressions ({@code pattern}, {@code patternProperties}) with a bound on the work one
 * match may do. A schema comes from a pull request like any content: a pattern that backtracks without end,
 * such as {@code (a+)+$} on a long value, would otherwise hold the build forever. Java's regex engine reads
 * the input through {@link CharSequence#charAt}, so counting those reads bounds the work.
 */
final class BoundedPatterns implements RegularExpressionFactory {

    /** Far above what a sane pattern needs on a config value, far below a stuck build. */
    static final long MAX_READS = 2_000_000;

    /** A match that exceeded the bound: the check of that file stops and says so. */
    static final class TooSlow extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String pattern;

        TooSlow(String pattern) {
            super(pattern, null, false, false);
            this.pattern = pattern;
        }
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return value -> pattern.matcher(new Counted(value, regex)).find();
    }

    /** The value, counting each character the engine reads. */
    private static final class Counted implements CharSequence {
        private final String text;
        private final String regex;
        private long reads;

        Counted(String text, String regex) {
            this.text = text;
            this.regex = regex;
        }

        @Override
        public char charAt(int index) {
            if (++reads > MAX_READS) {
                throw new TooSlow(regex);
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
