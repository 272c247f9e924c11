package dev.casebook.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a fence info string such as {@code yaml file=config.yaml expect="LLM001,ENV001" nocheck}
 * into the language, {@code key=value} attributes (values may be quoted) and bare flags.
 */
record InfoString(String language, Map<String, String> attributes, List<String> flags) {

    static InfoString parse(String info) {
        List<String> tokens = tokens(info.strip());
        String language = "";
        Map<String, String> attributes = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            int eq = t.indexOf('=');
            if (eq > 0) {
                attributes.put(t.substring(0, eq), unquote(t.substring(eq + 1)));
            } else if (i == 0) {
                language = t;
            } else {
                flags.add(t);
            }
        }
        return new InfoString(language, attributes, flags);
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                current.append(c);
            } else if (Character.isWhitespace(c)) {
                if (current.length() > 0) {
                    out.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
