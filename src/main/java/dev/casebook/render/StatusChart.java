package dev.casebook.render;

import dev.casebook.content.Lang;
import dev.casebook.content.TranslationReport;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The translation status chart, drawn at build time: one row per language, its name as text (so it keeps
 * the page's size on a phone, where a whole-chart SVG shrank it to a few pixels) beside a stacked SVG bar,
 * a segment per state, widths in proportion to the number of articles. No script, no library; the figures
 * are also in the table below the chart, so the chart is an image with a text alternative.
 */
final class StatusChart {

    private StatusChart() {
    }

    static String svg(TranslationReport report, Function<Lang, String> languageName, String title) {
        Map<Lang, Map<TranslationReport.State, Integer>> counts = report.counts();
        StringBuilder alt = new StringBuilder();
        counts.forEach((lang, perState) -> {
            alt.append(alt.length() == 0 ? "" : "; ").append(languageName.apply(lang)).append(' ');
            StringBuilder parts = new StringBuilder();
            perState.forEach((state, n) -> parts.append(parts.length() == 0 ? "" : ", ").append(n).append(' ').append(state.label()));
            alt.append(parts);
        });
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"chart\" role=\"img\" aria-label=\"").append(Html.escape(title + ": " + alt)).append("\">");
        int total = report.rows().size();
        for (Map.Entry<Lang, Map<TranslationReport.State, Integer>> row : counts.entrySet()) {
            html.append("<div class=\"chart-row\"><span class=\"chart-label\" aria-hidden=\"true\">")
                    .append(Html.escape(languageName.apply(row.getKey()))).append("</span>")
                    .append("<svg class=\"chart-bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\">");
            double x = 0;
            for (Map.Entry<TranslationReport.State, Integer> part : row.getValue().entrySet()) {
                if (part.getValue() == 0 || total == 0) {
                    continue;
                }
                double w = 100.0 * part.getValue() / total;
                html.append("<rect class=\"state-").append(part.getKey().label()).append("\" x=\"").append(format(x))
                        .append("\" y=\"0\" width=\"").append(format(w)).append("\" height=\"10\"/>");
                x += w;
            }
            html.append("</svg></div>");
        }
        return html.append("</div>").toString();
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
