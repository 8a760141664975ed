package org.cdrbuilder.steps.snapshot;

import static org.cdrbuilder.steps.snapshot.Html.esc;
import static org.cdrbuilder.steps.snapshot.Html.num;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts of the snapshot page: no script, no fonts or files from elsewhere. */
final class PageCharts {
    /** One bar: its label and published value. */
    record Bar(String label, long value) {
    }

    /** One line of a time chart: a name, a CSS class for its colour, and a value per point. */
    record Series(String name, String css, long[] values) {
    }

    private PageCharts() {
    }

    /** Horizontal bars scaled to {@code scale} (e.g. all participants) with value and share at the end. */
    static String bars(List<Bar> bars, long scale, String css) {
        int rowHeight = 26;
        int labelWidth = 330;
        int barWidth = 520;
        int height = rowHeight * bars.size() + 8;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart\" viewBox=\"0 0 ").append(labelWidth + barWidth + 190).append(' ').append(height)
                .append("\" role=\"img\">");
        long max = Math.max(1, scale);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 4 + i * rowHeight;
            double w = Math.max(b.value() > 0 ? 2 : 0, barWidth * (double) b.value() / max);
            s.append("<text class=\"label\" x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 17)
                    .append("\" text-anchor=\"end\">").append(esc(shorten(b.label(), 44))).append("<title>")
                    .append(esc(b.label())).append("</title></text>");
            s.append("<rect class=\"").append(css).append("\" x=\"").append(labelWidth).append("\" y=\"").append(y + 3)
                    .append("\" width=\"").append(fmt(w)).append("\" height=\"").append(rowHeight - 8)
                    .append("\" rx=\"3\"/>");
            s.append("<text class=\"value\" x=\"").append(fmt(labelWidth + w + 6)).append("\" y=\"").append(y + 17)
                    .append("\">").append(num(b.value())).append(scale > 0 ? " (" + Html.pct(b.value(), scale) + ")" : "")
                    .append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** Vertical columns (age bands). */
    static String columns(List<Bar> bars, String css) {
        int colWidth = 64;
        int chartHeight = 180;
        int width = Math.max(1, bars.size()) * colWidth + 20;
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart columns\" viewBox=\"0 0 ").append(width).append(' ').append(chartHeight + 50)
                .append("\" role=\"img\">");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double h = chartHeight * (double) b.value() / max;
            int x = 10 + i * colWidth;
            s.append("<rect class=\"").append(css).append("\" x=\"").append(x + 8).append("\" y=\"")
                    .append(fmt(chartHeight - h + 20)).append("\" width=\"").append(colWidth - 16).append("\" height=\"")
                    .append(fmt(h)).append("\" rx=\"3\"/>");
            s.append("<text class=\"value\" x=\"").append(x + colWidth / 2).append("\" y=\"").append(fmt(chartHeight - h + 15))
                    .append("\" text-anchor=\"middle\">").append(num(b.value())).append("</text>");
            s.append("<text class=\"label\" x=\"").append(x + colWidth / 2).append("\" y=\"").append(chartHeight + 40)
                    .append("\" text-anchor=\"middle\">").append(esc(b.label())).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** Lines over months (labels {@code YYYY-MM}), with a y axis of round numbers and a legend. */
    static String lines(List<String> months, List<Series> series) {
        int left = 70;
        int width = 900;
        int top = 20;
        int plot = 260;
        long max = 1;
        for (Series se : series) {
            for (long v : se.values()) {
                max = Math.max(max, v);
            }
        }
        long step = niceStep(max);
        long yMax = (max + step - 1) / step * step;
        int n = Math.max(1, months.size() - 1);
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart lines\" viewBox=\"0 0 ").append(width + 20).append(' ').append(top + plot + 60)
                .append("\" role=\"img\">");
        for (long v = 0; v <= yMax; v += step) {
            double y = top + plot - plot * (double) v / yMax;
            s.append("<line class=\"grid\" x1=\"").append(left).append("\" x2=\"").append(width).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/><text class=\"label\" x=\"")
                    .append(left - 6).append("\" y=\"").append(fmt(y + 4)).append("\" text-anchor=\"end\">").append(num(v))
                    .append("</text>");
        }
        for (int i = 0; i < months.size(); i++) {
            if (months.get(i).endsWith("-01") || i == 0) {
                double x = left + (width - left) * (double) i / n;
                s.append("<text class=\"label\" x=\"").append(fmt(x)).append("\" y=\"").append(top + plot + 18)
                        .append("\" text-anchor=\"middle\">").append(esc(months.get(i).substring(0, 4))).append("</text>");
            }
        }
        int legendX = left;
        for (Series se : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < se.values().length; i++) {
                double x = left + (width - left) * (double) i / n;
                double y = top + plot - plot * (double) se.values()[i] / yMax;
                points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
            }
            s.append("<polyline class=\"line ").append(se.css()).append("\" points=\"").append(points.toString().trim())
                    .append("\"/>");
            s.append("<rect class=\"").append(se.css()).append("\" x=\"").append(legendX).append("\" y=\"")
                    .append(top + plot + 34).append("\" width=\"14\" height=\"14\" rx=\"3\"/><text class=\"label\" x=\"")
                    .append(legendX + 20).append("\" y=\"").append(top + plot + 46).append("\">").append(esc(se.name()))
                    .append("</text>");
            legendX += 40 + se.name().length() * 8;
        }
        return s.append("</svg>").toString();
    }

    /** A round step (1, 2 or 5 times a power of ten) giving about five grid lines up to {@code max}. */
    static long niceStep(long max) {
        double raw = Math.max(1, max) / 5.0;
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / pow;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return Math.max(1, Math.round(nice * pow));
    }

    private static String shorten(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
