package org.cdrbuilder.steps.ingest.pm;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Converts imperial readings to the metric units the release uses: inches to cm, pounds to kg. */
final class ImperialUnits {
    private static final BigDecimal CM_PER_INCH = new BigDecimal("2.54");
    private static final BigDecimal KG_PER_POUND = new BigDecimal("0.45359237");
    /** Converted values keep two decimals, rounded half up, so that the same input always gives the same value. */
    static final int SCALE = 2;

    private ImperialUnits() {
    }

    /** The quantity in metric units; metric and other units are returned unchanged. */
    static Reading.Quantity toMetric(BigDecimal value, String unit) {
        String asWritten = value.toPlainString() + " " + unit;
        return switch (unit) {
            case "in", "[in_i]" -> new Reading.Quantity(convert(value, CM_PER_INCH), "cm", asWritten);
            case "lb", "[lb_av]" -> new Reading.Quantity(convert(value, KG_PER_POUND), "kg", asWritten);
            default -> new Reading.Quantity(value, unit, asWritten);
        };
    }

    private static BigDecimal convert(BigDecimal value, BigDecimal factor) {
        return value.multiply(factor).setScale(SCALE, RoundingMode.HALF_UP);
    }
}
