package org.cdrbuilder.app.load;

/** SQL text helpers of the loader. */
final class Sql {
    private Sql() {
    }

    /** A quoted identifier. */
    static String name(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
