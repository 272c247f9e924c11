package dev.casebook.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The search tokenizer. It is specified here and implemented twice, in this class (index side)
 * and in {@code templates/assets/search.js} (query side); {@code tokenizer-golden.json} keeps
 * the two identical. Version {@value #VERSION}.
 *
 * <ol>
 *   <li>Normalize: NFKC, then drop zero-width characters and soft hyphens.</li>
 *   <li>A run of Han characters becomes overlapping bigrams ({@code 认证错误} → 认证, 证错, 错误);
 *       a single Han character stays a unigram. Kind {@code c}.</li>
 *   <li>Any other run of letters, digits and {@code _}, possibly joined by {@code . : / -}, is an
 *       identifier: it is emitted whole (kind {@code w}), and when it has inner separators,
 *       underscores or camelCase, also as parts (kind {@code p}): the pieces between
 *       {@code . : / -}, those pieces split on {@code _} and camelCase, and each pair of adjacent
 *       fine pieces joined with {@code _}.</li>
 *   <li>Every token is lower-cased with {@link Locale#ROOT} (JavaScript's {@code toLowerCase}), and a
 *       final sigma ς is folded to σ: Java and JavaScript decide differently where a word ends,
 *       and a reader types either.</li>
 * </ol>
 *
 * No stop words are removed and nothing is stemmed: "not" and "no" matter in error text, and
 * {@code key} must stay {@code key}.
 */
public final class Tokenizer {

    public static final int VERSION = 2;

    /** A token and its kind: {@code w} whole word or identifier, {@code p} identifier part, {@code c} Chinese. */
    public record Token(String text, char kind) {
    }

    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");
    /** How the ids of log lines begin: {@code req-…}, {@code trace_…}. */
    private static final List<String> ID_PREFIXES = List.of("req", "trace", "span", "chatcmpl", "run", "msg", "call");
    private static final Pattern VOLATILE = Pattern.compile(
            "[0-9a-f]{12,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                    + "|(" + String.join("|", ID_PREFIXES) + ")[-_][0-9a-z_-]{6,}"
                    + "|\\d{4}-\\d{2}-\\d{2}(t\\d{2}:\\d{2}.*)?|\\d{1,2}:\\d{2}:\\d{2}([.,]\\d+)?|\\d{6,}");

    private Tokenizer() {
    }

    public static String normalize(String s) {
        // ASCII is its own NFKC form and has no zero-width characters: most of an English page
        int i = 0;
        while (i < s.length() && s.charAt(i) < 0x80) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        String normal = Normalizer.normalize(s, Normalizer.Form.NFKC);
        for (int k = 0; k < normal.length(); k++) {
            char c = normal.charAt(k);
            if (c == '\u00AD' || c >= '\u200B' && c <= '\u200D' || c == '\u2060' || c == '\uFEFF') {
                return ZERO_WIDTH.matcher(normal).replaceAll("");
            }
        }
        return normal;
    }

    static boolean isHan(int cp) {
        return cp >= 0x3400 && cp <= 0x4DBF || cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0xF900 && cp <= 0xFAFF;
    }

    static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9' || cp == '_';
        }
        if (isHan(cp)) {
            return false;
        }
        if (cp == '_' || Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static boolean isJoiner(int cp) {
        return cp == '.' || cp == ':' || cp == '/' || cp == '-';
    }

    /** A token too specific to one log line to help a search: ids, hashes, timestamps, long numbers. */
    public static boolean isVolatile(String token) {
        // what the pattern cannot match is told without it: every alternative is six characters
        // or more, and either starts with a digit (dates, times, long numbers), or holds only hex
        // digits and hyphens, or starts with one of the id prefixes (gpt-4o-mini is none of them)
        if (token.length() < 6) {
            return false;
        }
        boolean hexOnly = true;
        for (int i = 0; i < token.length() && hexOnly; i++) {
            char c = token.charAt(i);
            hexOnly = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c == '-';
        }
        char first = token.charAt(0);
        if (!(first >= '0' && first <= '9') && !hexOnly && !hasIdPrefix(token)) {
            return false;
        }
        return byPattern(token);
    }

    /** Whether the pattern alone takes {@code token} for a volatile id: what {@link #isVolatile} answers, slowly. */
    static boolean byPattern(String token) {
        return VOLATILE.matcher(token).matches();
    }

    public static List<Token> tokenize(String input) {
        char[] cs = normalize(input).toCharArray();
        int n = cs.length;
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int cp = Character.codePointAt(cs, i);
            if (isHan(cp)) {
                int start = i;
                while (i < n && isHan(cs[i])) { // Han characters are all in the BMP
                    i++;
                }
                han(new String(cs, start, i - start), out);
            } else if (isWordChar(cp)) {
                // the run is scanned once: its end, and whether it splits into parts at all
                int start = i;
                int end = i;
                boolean plain = true;
                boolean joined = false;
                while (i < n) {
                    int c = Character.codePointAt(cs, i);
                    if (isWordChar(c)) {
                        if (joined || c == '_' || c > 0xFFFF || i > start && Character.isUpperCase(c)) {
                            plain = false;
                        }
                        i += Character.charCount(c);
                        end = i;
                    } else if (isJoiner(c)) {
                        joined = true;
                        i += 1;
                    } else {
                        break;
                    }
                }
                i = end; // trailing joiners are not part of the identifier
                identifier(new String(cs, start, end - start), plain, out);
            } else {
                i += Character.charCount(cp);
            }
        }
        return out;
    }

    private static void han(String run, List<Token> out) {
        // every Han character of isHan is in the BMP: one char each
        if (run.length() == 1) {
            out.add(new Token(run, 'c'));
            return;
        }
        for (int k = 0; k + 1 < run.length(); k++) {
            out.add(new Token(run.substring(k, k + 2), 'c'));
        }
    }

    /** An identifier and, unless it is {@code plain} (no separator, no capital after its first letter), its parts. */
    private static void identifier(String run, boolean plain, List<Token> out) {
        String whole = lower(run);
        out.add(new Token(whole, 'w'));
        if (plain) {
            return; // one piece: no parts
        }
        List<String> coarse = pieces(run, ".:/-");
        List<String> fine = new ArrayList<>();
        for (String piece : coarse) {
            for (String under : pieces(piece, "_")) {
                fine.addAll(camel(under));
            }
        }
        if (coarse.size() < 2 && fine.size() < 2) {
            return;
        }
        Set<String> parts = new LinkedHashSet<>();
        if (coarse.size() > 1) {
            coarse.forEach(c -> parts.add(lower(c)));
        }
        fine.forEach(f -> parts.add(lower(f)));
        for (int k = 0; k + 1 < fine.size(); k++) {
            parts.add(lower(fine.get(k)) + "_" + lower(fine.get(k + 1)));
        }
        parts.remove(whole);
        parts.forEach(p -> out.add(new Token(p, 'p')));
    }

    /** {@code req-}, {@code trace_}, …: one of {@link #ID_PREFIXES} and a separator. */
    private static boolean hasIdPrefix(String token) {
        for (String p : ID_PREFIXES) {
            if (token.startsWith(p) && token.length() > p.length() && (token.charAt(p.length()) == '-' || token.charAt(p.length()) == '_')) {
                return true;
            }
        }
        return false;
    }

    /** The non-empty pieces of {@code s} between runs of the {@code separators} (a split without a regex). */
    private static List<String> pieces(String s, String separators) {
        List<String> out = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || separators.indexOf(s.charAt(i)) >= 0) {
                if (i > start) {
                    out.add(s.substring(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }

    // "authenticationError" -> authentication, Error; "HTTPError" -> HTTP, Error; digits never split.
    private static List<String> camel(String s) {
        List<String> pieces = new ArrayList<>();
        int[] cps = s.codePoints().toArray();
        int start = 0;
        for (int k = 1; k < cps.length; k++) {
            boolean lowerToUpper = Character.isLowerCase(cps[k - 1]) && Character.isUpperCase(cps[k]);
            boolean acronymEnd = k + 1 < cps.length && Character.isUpperCase(cps[k - 1]) && Character.isUpperCase(cps[k])
                    && Character.isLowerCase(cps[k + 1]);
            if (lowerToUpper || acronymEnd) {
                pieces.add(new String(cps, start, k - start));
                start = k;
            }
        }
        pieces.add(new String(cps, start, cps.length - start));
        return pieces;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT).replace('ς', 'σ');
    }
}
