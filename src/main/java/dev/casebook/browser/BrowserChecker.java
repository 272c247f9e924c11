package dev.casebook.browser;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Report;
import dev.casebook.diag.ReportFormat;
import dev.casebook.validate.Catalog;
import dev.casebook.validate.Environment;
import dev.casebook.validate.FileValidator;
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
     * @param files       name, text, name, text… joined with U+0000 (names say the kind: config.yaml, .env…)
     * @param environment {@code wren_ai_service_version}, {@code deployment}, {@code host_os} values, each
     *                    {@code key=value}, joined with U+0000; empty for none
     * @param lang        {@code en} or {@code zh}
     */
    @JSExport
    public static String check(String files, String environment, String lang) {
        String[] parts = files.split("\u0000", -1);
        List<FileValidator.NamedText> named = new ArrayList<>();
        for (int i = 0; i + 1 < parts.length; i += 2) {
            named.add(new FileValidator.NamedText(parts[i], parts[i + 1]));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : environment.split("\u0000")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        List<Diagnostic> found = new FileValidator(VALIDATOR).check(named, Environment.of(values), lang);
        return ReportFormat.JSON.render(new Report(found), "", List.of());
    }

    /** TeaVM needs an entry point; the page calls {@link #check}. */
    public static void main(String[] args) {
    }
}
