package org.cdrbuilder.steps.snapshot;

import java.util.Locale;

/** Escaping and number formatting for the snapshot page. */
final class Html {
    private Html() {
    }

    static String esc(Object value) {
        return org.cdrbuilder.steps.common.HtmlText.escape(value);
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
