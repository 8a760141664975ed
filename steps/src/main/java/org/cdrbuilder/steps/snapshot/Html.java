package org.cdrbuilder.steps.snapshot;

import java.util.Locale;

/** Escaping and number formatting for the snapshot page. */
final class Html {
    private Html() {
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A count with thousands separators. */
    static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code part} as a percentage of {@code whole} (both published values), one decimal. */
    static String pct(long part, long whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
