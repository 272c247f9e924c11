package dev.casebook.diag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole-report output formats for machines: a JSON array of findings, and SARIF 2.1.0 for code
 * scanning tools; {@link ReportFormat} picks between them and the line formats.
 */
final class ReportWriter {

    private ReportWriter() {
    }

    /** {@code [{rule, severity, file, line, column, message, fix}, ...]} */
    static String json(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("  {")
                    .append("\"rule\": ").append(Json.string(d.id()))
                    .append(", \"severity\": ").append(Json.string(d.severity().label()))
                    .append(", \"file\": ").append(Json.string(d.pos().path()))
                    .append(", \"line\": ").append(d.pos().line())
                    .append(", \"column\": ").append(d.pos().column())
                    .append(", \"message\": ").append(Json.string(d.message()))
                    .append(", \"fix\": ").append(Json.string(d.hint()))
                    .append('}');
        }
        return out.append(diagnostics.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    /** A SARIF 2.1.0 log with one run; {@code rules} describes the rule ids the results use. */
    static String sarif(List<Diagnostic> diagnostics, String toolVersion, List<RuleInfo> rules) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<RuleInfo> used = new ArrayList<>();
        for (RuleInfo r : rules) {
            if (diagnostics.stream().anyMatch(d -> d.id().equals(r.id()))) {
                index.put(r.id(), used.size());
                used.add(r);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n");
        out.append("  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n");
        out.append("          \"name\": \"casebook\",\n          \"version\": ").append(Json.string(toolVersion)).append(",\n");
        out.append("          \"informationUri\": \"https://github.com/casebook-kb/casebook\",\n");
        out.append("          \"rules\": [");
        for (int i = 0; i < used.size(); i++) {
            RuleInfo r = used.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("            {\"id\": ").append(Json.string(r.id()))
                    .append(", \"shortDescription\": {\"text\": ").append(Json.string(r.title())).append('}')
                    .append(", \"fullDescription\": {\"text\": ").append(Json.string(r.description())).append('}')
                    .append(", \"defaultConfiguration\": {\"level\": ").append(Json.string(level(r.severity()))).append('}');
            if (!r.helpUri().isEmpty()) {
                out.append(", \"helpUri\": ").append(Json.string(r.helpUri()));
            }
            out.append('}');
        }
        out.append(used.isEmpty() ? "]\n" : "\n          ]\n");
        out.append("        }\n      },\n      \"results\": [");
        for (int i = 0; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("        {\"ruleId\": ").append(Json.string(d.id()));
            if (index.containsKey(d.id())) {
                out.append(", \"ruleIndex\": ").append(index.get(d.id()));
            }
            out.append(", \"level\": ").append(Json.string(level(d.severity())))
                    .append(", \"message\": {\"text\": ").append(Json.string(d.hint().isEmpty() ? d.message() : d.message() + "\n" + d.hint())).append('}')
                    .append(", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ")
                    .append(Json.string(uri(d.pos().path()))).append("}, \"region\": {\"startLine\": ").append(d.pos().line())
                    .append(", \"startColumn\": ").append(d.pos().column()).append("}}}]")
                    .append(", \"properties\": {\"fix\": ").append(Json.string(d.hint())).append("}}");
        }
        out.append(diagnostics.isEmpty() ? "]\n" : "\n      ]\n");
        out.append("    }\n  ]\n}\n");
        return out.toString();
    }

    private static String level(Severity s) {
        return s.label(); // SARIF's levels: error, warning, note
    }

    /**
     * A path as a relative URI reference: every byte but letters, digits, {@code -._~} and the
     * {@code /} between segments percent-encoded as UTF-8, so {@code a:b.yaml} cannot read as a URI
     * with a scheme and no name can bring a line break into the log.
     */
    static String uri(String path) {
        StringBuilder out = new StringBuilder(path.length() + 8);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
            }
        }
        return out.toString();
    }

    private static final String HEX = "0123456789ABCDEF";
}
