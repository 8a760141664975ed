package org.cdrbuilder.steps.qa.html;

import java.util.Locale;

/** A small HTML writer: escaped text, elements and table cells appended to one buffer. */
final class Html {
    private final StringBuilder sb = new StringBuilder(1 << 16);

    static String esc(Object value) {
        return org.cdrbuilder.steps.common.HtmlText.escape(value);
    }

    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** Appends markup as it is (the caller escapes what it interpolates). */
    Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** Appends escaped text. */
    Html text(Object value) {
        sb.append(esc(value));
        return this;
    }

    /** Appends {@code <tag attrs>escaped text</tag>}. */
    Html el(String tag, String attrs, Object text) {
        sb.append('<').append(tag);
        if (attrs != null && !attrs.isEmpty()) {
            sb.append(' ').append(attrs);
        }
        sb.append('>').append(esc(text)).append("</").append(tag).append('>');
        return this;
    }

    /** Appends a row of escaped cells. */
    Html row(Object... cells) {
        sb.append("<tr>");
        for (Object c : cells) {
            sb.append("<td>").append(esc(c)).append("</td>");
        }
        sb.append("</tr>");
        return this;
    }

    /** Appends a header row. */
    Html head(String... cells) {
        sb.append("<thead><tr>");
        for (String c : cells) {
            sb.append("<th>").append(esc(c)).append("</th>");
        }
        sb.append("</tr></thead>");
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
