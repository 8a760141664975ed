package org.cdrbuilder.steps.ingest.pm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The mean rules on their own: which readings enter a mean, ties, and rounding. */
class PhysicalMeasurementMeansTest {

    @Test
    void closestTwo_dropsTheValueFarthestFromTheOthers() {
        assertThat(mean(CLOSEST, "100.3", "100.5", "99.9")).isEqualTo("100.40");
        assertThat(mean(CLOSEST, "10", "20", "21")).isEqualTo("20.50");
        assertThat(mean(CLOSEST, "21", "10", "11")).isEqualTo("10.50");
    }

    @Test
    void closestTwo_middleEquallyCloseToBoth_meanOfAllThree() {
        assertThat(mean(CLOSEST, "99.1", "98.8", "98.5")).isEqualTo("98.80");
        assertThat(mean(CLOSEST, "1", "2", "3")).isEqualTo("2.00");
    }

    @Test
    void closestTwo_twoValuesTheirMean_oneValueItself() {
        assertThat(mean(CLOSEST, "99.1", "98.8")).isEqualTo("98.95");
        assertThat(mean(CLOSEST, "99.1")).isEqualTo("99.10");
    }

    @Test
    void average_roundsToTwoDecimalsHalfUp() {
        assertThat(SessionMeans.average(decimals("86.36", "87.63"))).isEqualByComparingTo("87.00");
        assertThat(SessionMeans.average(decimals("1", "1", "2"))).isEqualByComparingTo("1.33");
        assertThat(SessionMeans.average(decimals("1", "2", "2"))).isEqualByComparingTo("1.67");
        assertThat(SessionMeans.average(decimals("0.005", "0.005"))).isEqualByComparingTo("0.01");
    }

    @Test
    void secondAndThird_needBothReadings() {
        List<Reading> onlyFirstTwo = List.of(systolic("1", "120", "mm[Hg]"), systolic("2", "118", "mm[Hg]"));
        assertThat(SessionMeans.of(onlyFirstTwo)).isEmpty();

        List<Reading> all = List.of(systolic("1", "130", "mm[Hg]"), systolic("2", "121", "mm[Hg]"),
                systolic("3", "120", "mm[Hg]"));
        assertThat(SessionMeans.of(all)).containsExactly(
                new SessionMeans.Mean(MeasurementKind.SYSTOLIC, new BigDecimal("120.50")));
    }

    @Test
    void readingsInAnotherUnit_doNotEnterTheMean() {
        List<Reading> readings = List.of(systolic("2", "121", "mm[Hg]"), systolic("3", "16", "kPa"));
        assertThat(SessionMeans.of(readings)).isEmpty();
    }

    @Test
    void aSuppliedMean_suppressesTheComputedOne() {
        List<Reading> readings = List.of(systolic("2", "121", "mm[Hg]"), systolic("3", "119", "mm[Hg]"),
                systolic("mean", "120", "mm[Hg]"));
        assertThat(SessionMeans.of(readings)).isEmpty();
    }

    private static final MeasurementKind CLOSEST = MeasurementKind.HIP;

    private static String mean(MeasurementKind kind, String... values) {
        Reading[] readings = new Reading[values.length];
        for (int i = 0; i < values.length; i++) {
            readings[i] = reading(kind, Integer.toString(i + 1), values[i], "cm");
        }
        List<SessionMeans.Mean> means = SessionMeans.of(Arrays.asList(readings));
        assertThat(means).hasSize(1);
        return means.get(0).value().toPlainString();
    }

    private static Reading systolic(String replicate, String value, String unit) {
        return reading(MeasurementKind.SYSTOLIC, replicate, value, unit);
    }

    private static Reading reading(MeasurementKind kind, String replicate, String value, String unit) {
        return new Reading("/entry/0/resource", kind, replicate, kind.primaryLoinc(), kind.code(replicate), "PPI",
                LocalDateTime.of(2020, 1, 1, 0, 0), new Reading.Quantity(new BigDecimal(value), unit, value + " " + unit),
                null);
    }

    private static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
