package dev.casebook.browser;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Report;
import dev.casebook.diag.ReportFormat;
import dev.casebook.validate.Catalog;
import dev.casebook.validate.Environment;
import dev.casebook.validate.FileValidator;
import dev.casebook.validate.Schemas;
import dev.casebook.validate.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSExport;

/**
 * The validator as the reader's browser runs it: compiled from these same sources to JavaScript
 * by TeaVM during the Maven build ({@code target/classes/checker/checker.js}), so the in-page
 * checker and {@code casebook validate} are one implementation. Nothing here reaches the network.
 */
public final class BrowserChecker {

    private static final Validator VALIDATOR = new Validator(Catalog.builtIn());

    private BrowserChecker() {
    }

    /**
     * Checks files together, as {@code casebook validate} does, and returns the findings as
     * {@code casebook validate --format json} prints them: {@code [{rule, severity, file, line,
     * column, message, fix}]}.
     *
     * @param files       name, text, name, text…, each written as its length in UTF-16 code units, a
     *                    colon and itself ({@code 11:config.yaml5:x: 1}), so a text may hold any
     *                    character (names say the kind: config.yaml, .env…)
     * @param environment {@code wren_ai_service_version}, {@code deployment}, {@code host_os} and their
     *                    values, key, value, key, value… framed the same way; empty for none
     * @param lang        {@code en} or {@code zh}
     */
    @JSExport
    public static String check(String files, String environment, String lang) {
        List<String> parts = unframe(files);
        List<FileValidator.NamedText> named = new ArrayList<>();
        for (int i = 0; i + 1 < parts.size(); i += 2) {
            named.add(new FileValidator.NamedText(parts.get(i), parts.get(i + 1)));
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> pairs = unframe(environment);
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            values.put(pairs.get(i), pairs.get(i + 1));
        }
        List<Diagnostic> found = new FileValidator(VALIDATOR, Schemas.NONE, "").check(named, Environment.of(values), lang);
        return ReportFormat.JSON.render(new Report(found), "", List.of());
    }

    /**
     * The strings of {@code framed}: each is its length, a colon and itself. Whatever does not
     * follow that form ends the list, so a broken frame gives fewer files, never shifted ones.
     */
    static List<String> unframe(String framed) {
        List<String> out = new ArrayList<>();
        int at = 0;
        while (at < framed.length()) {
            int colon = framed.indexOf(':', at);
            if (colon <= at || colon - at > 9) {
                break;
            }
            int length;
            try {
                length = Integer.parseInt(framed.substring(at, colon));
            } catch (NumberFormatException e) {
                break;
            }
            if (length < 0 || colon + 1 + length > framed.length()) {
                break;
            }
            out.add(framed.substring(colon + 1, colon + 1 + length));
            at = colon + 1 + length;
        }
        return out;
    }

    /** TeaVM needs an entry point; the page calls {@link #check}. */
    public static void main(String[] args) {
    }
}
