package org.cdrbuilder.steps.ingest.pm;

/**
 * A {@code physical-measurements} code split into the kind it names and its replicate suffix: {@code heart-rate-2}
 * is (HEART_RATE, "2"), {@code blood-pressure-systolic-mean} is (SYSTOLIC, "mean"), {@code height} is (HEIGHT, null).
 */
record ProgramCode(MeasurementKind kind, String replicate) {
    static final String MEAN = "mean";

    /** The parsed code, or null when it names no known kind (e.g. {@code protocol-modifications-height}). */
    static ProgramCode parse(String code) {
        if (code == null) {
            return null;
        }
        MeasurementKind whole = MeasurementKind.byCode(code);
        if (whole != null) {
            return new ProgramCode(whole, null);
        }
        int dash = code.lastIndexOf('-');
        if (dash <= 0) {
            return null;
        }
        String suffix = code.substring(dash + 1);
        MeasurementKind kind = MeasurementKind.byCode(code.substring(0, dash));
        if (kind == null || !(suffix.equals(MEAN) || isReplicateNumber(suffix))) {
            return null;
        }
        return new ProgramCode(kind, suffix);
    }

    static boolean isReplicateNumber(String s) {
        return s != null && !s.isEmpty() && s.length() <= 3 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
