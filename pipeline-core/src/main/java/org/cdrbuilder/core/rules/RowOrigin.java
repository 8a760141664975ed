package org.cdrbuilder.core.rules;

import static java.util.Objects.requireNonNull;

/**
 * Where a row came from: the kind of source ({@code ehr}, {@code survey}, {@code pm}, {@code fitbit}, {@code registry})
 * and, for EHR rows, the site. Rules that apply to one kind of data (EHR consent, the EHR date floor) use it.
 */
public record RowOrigin(String kind, String site) {
    public static final RowOrigin UNKNOWN = new RowOrigin("unknown", null);

    public RowOrigin {
        requireNonNull(kind, "kind is null");
    }

    public boolean isEhr() {
        return kind.equals("ehr");
    }

    /** The origin of the rows of a harmonized part, from the part's unit id ({@code ehr.<site>.<table>}, {@code survey.00001}...). */
    public static RowOrigin ofUnit(String unitId) {
        int dot = unitId.indexOf('.');
        String kind = dot < 0 ? unitId : unitId.substring(0, dot);
        return switch (kind) {
            case "ehr" -> new RowOrigin("ehr", unitId.substring(dot + 1, unitId.lastIndexOf('.')));
            case "survey", "pm", "fitbit" -> new RowOrigin(kind, null);
            case "person" -> new RowOrigin("registry", null);
            default -> UNKNOWN;
        };
    }

    /**
     * The origin of a part file of a table: harmonized parts are named after their unit ({@code <unit>.parquet}),
     * cleaned parts after their table and unit ({@code <table>.<unit>.parquet}).
     */
    public static RowOrigin ofPart(String table, java.nio.file.Path part) {
        String stem = part.getFileName().toString();
        if (stem.endsWith(".parquet")) {
            stem = stem.substring(0, stem.length() - ".parquet".length());
        }
        String prefix = table + ".";
        return ofUnit(stem.startsWith(prefix) ? stem.substring(prefix.length()) : stem);
    }
}
