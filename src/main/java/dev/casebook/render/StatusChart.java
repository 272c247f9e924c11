package dev.casebook.render;

import dev.casebook.content.Lang;
import dev.casebook.content.TranslationReport;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The translation status chart, drawn at build time as inline SVG: one stacked bar per language,
 * a segment per state, widths in proportion to the number of articles. No script, no library; the
 * figures are also in the table below the chart, so the chart is an image with a text alternative.
 */
final class StatusChart {

    private static final int WIDTH = 640;
    private static final int LABEL = 110;
    private static final int BAR = 22;
    private static final int GAP = 12;

    private StatusChart() {
    }

    static String svg(TranslationReport report, Function<Lang, String> languageName, String title) {
        Map<Lang, Map<TranslationReport.State, Integer>> counts = report.counts();
        int height = Math.max(1, counts.size()) * (BAR + GAP) + GAP;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-labelledby=\"status-chart-title\">");
        svg.append("<title id=\"status-chart-title\">").append(Html.escape(title)).append(": ");
        StringBuilder alt = new StringBuilder();
        counts.forEach((lang, perState) -> {
            alt.append(alt.length() == 0 ? "" : "; ").append(languageName.apply(lang)).append(' ');
            StringBuilder parts = new StringBuilder();
            perState.forEach((state, n) -> parts.append(parts.length() == 0 ? "" : ", ").append(n).append(' ').append(state.label()));
            alt.append(parts);
        });
        svg.append(Html.escape(alt.toString())).append("</title>");
        int y = GAP;
        int total = report.rows().size();
        for (Map.Entry<Lang, Map<TranslationReport.State, Integer>> row : counts.entrySet()) {
            svg.append("<text x=\"0\" y=\"").append(y + BAR * 0.72).append("\" class=\"chart-label\">")
                    .append(Html.escape(languageName.apply(row.getKey()))).append("</text>");
            double x = LABEL;
            for (Map.Entry<TranslationReport.State, Integer> part : row.getValue().entrySet()) {
                if (part.getValue() == 0 || total == 0) {
                    continue;
                }
                double w = (WIDTH - LABEL) * part.getValue() / (double) total;
                svg.append("<rect class=\"state-").append(part.getKey().label()).append("\" x=\"").append(format(x))
                        .append("\" y=\"").append(y).append("\" width=\"").append(format(w)).append("\" height=\"").append(BAR)
                        .append("\"/>");
                x += w;
            }
            y += BAR + GAP;
        }
        return svg.append("</svg>").toString();
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
