package org.cdrbuilder.steps.ingest.pm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The computed means of a session: systolic, diastolic and heart rate from readings 2 and 3; waist and hip from the
 * two closest of three readings (two readings: their mean; one: its value). A mean is computed only from readings in
 * the kind's unit, only when the readings it needs exist, and not when the session already carries that mean (newer
 * payloads send their own {@code ...-mean} Observations). Means are rounded to two decimals, half up.
 */
final class SessionMeans {
    /** One computed mean. */
    record Mean(MeasurementKind kind, BigDecimal value) {
    }

    private SessionMeans() {
    }

    /** The means of {@code readings}, in the order systolic, diastolic, heart rate, waist, hip. */
    static List<Mean> of(List<Reading> readings) {
        Set<MeasurementKind> supplied = EnumSet.noneOf(MeasurementKind.class);
        for (Reading r : readings) {
            if (r.kind() != null && r.isMean()) {
                supplied.add(r.kind());
            }
        }
        List<Mean> means = new ArrayList<>();
        for (MeasurementKind kind : MeasurementKind.values()) {
            if (kind.meanRule() == MeasurementKind.MeanRule.NONE || supplied.contains(kind)) {
                continue;
            }
            BigDecimal value = mean(kind, replicates(kind, readings));
            if (value != null) {
                means.add(new Mean(kind, value));
            }
        }
        return means;
    }

    /** Replicates 1 to 3 of {@code kind} in its mean unit, by number (the first reading of a number wins). */
    private static TreeMap<Integer, BigDecimal> replicates(MeasurementKind kind, List<Reading> readings) {
        TreeMap<Integer, BigDecimal> byNumber = new TreeMap<>();
        for (Reading r : readings) {
            int n = r.replicateNumber();
            if (r.kind() == kind && n >= 1 && n <= 3 && r.quantity() != null
                    && kind.meanUnit().equals(r.quantity().unit())) {
                byNumber.putIfAbsent(n, r.quantity().value());
            }
        }
        return byNumber;
    }

    private static BigDecimal mean(MeasurementKind kind, TreeMap<Integer, BigDecimal> replicates) {
        return switch (kind.meanRule()) {
            case SECOND_AND_THIRD -> replicates.containsKey(2) && replicates.containsKey(3)
                    ? average(List.of(replicates.get(2), replicates.get(3))) : null;
            case CLOSEST_TWO -> replicates.isEmpty() ? null : average(closestTwo(new ArrayList<>(replicates.values())));
            case NONE -> null;
        };
    }

    /**
     * Of three values, the two closest; when the middle value is as close to the lowest as to the highest, all three
     * (the rule of the program's HealthPro). Fewer values are returned as they are.
     */
    static List<BigDecimal> closestTwo(List<BigDecimal> values) {
        if (values.size() != 3) {
            return values;
        }
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int lowerGapVsUpperGap = sorted.get(1).subtract(sorted.get(0)).compareTo(sorted.get(2).subtract(sorted.get(1)));
        if (lowerGapVsUpperGap < 0) {
            return sorted.subList(0, 2);
        }
        if (lowerGapVsUpperGap > 0) {
            return sorted.subList(1, 3);
        }
        return sorted;
    }

    /** The mean rounded to two decimals, half up (exact when it has no more decimals). */
    static BigDecimal average(List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), ImperialUnits.SCALE, RoundingMode.HALF_UP);
    }
}
