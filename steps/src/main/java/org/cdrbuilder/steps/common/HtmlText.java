package org.cdrbuilder.steps.common;

/** Text escaped for HTML element content and attribute values: the one escaping every page of a release uses. */
public final class HtmlText {
    private HtmlText() {
    }

    /** {@code value}'s text with {@code & < > " '} escaped; null is the empty string. */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
