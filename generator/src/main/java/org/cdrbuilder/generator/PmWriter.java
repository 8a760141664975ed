package org.cdrbuilder.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes physical-measurement sessions as FHIR R4 document Bundles (a Composition and LOINC-coded Observations with
 * the program's measurement codes), one per line in {@code physical_measurements/pm-<shard>.ndjson}: three blood
 * pressure readings, three heart rates, height, weight, BMI, three waist and three hip circumferences; one session
 * in ten in imperial units. The reader adds the means, so a session makes 1 visit and 23 measurement rows (22 when
 * the BMI is planted missing). Each row goes through the participant's {@link ParticipantOutcome}.
 */
final class PmWriter implements AutoCloseable {
    static final String PM = "http://terminology.pmi-ops.org/CodeSystem/physical-measurements";
    static final String LOINC = "http://loinc.org";
    static final double SHARE = 0.75;
    static final int ROWS_PER_SESSION = 23;

    /** Plausible ranges of pm_out_of_range (config/rules.yaml: height_cm, weight_kg, bmi). */
    static final double[] HEIGHT_CM = {90, 228};
    static final double[] WEIGHT_KG = {30, 250};
    static final double[] BMI = {10, 125};
    static final String DUPLICATE_RULE = "pm_duplicate_sessions";
    static final String RANGE_RULE = "pm_out_of_range";

    private final Path dir;
    private Writer writer;
    private int shard = -1;

    PmWriter(Path drop) {
        this.dir = drop.resolve("physical_measurements");
    }

    /** Writes the participant's session (or sessions, when a second one is planted). */
    void write(SyntheticPerson p, ParticipantOutcome o, SplittableRandom r) {
        boolean plantedHere = p.needs(RowProblem.Source.PM);
        if (r.nextDouble() >= SHARE && !plantedHere) {
            return;
        }
        int s = p.index / SurveyWriter.PARTICIPANTS_PER_FILE;
        if (s != shard) {
            close();
            shard = s;
        }
        LocalDateTime at = p.consentDate.plusDays(r.nextInt(60)).atTime(9 + r.nextInt(8), r.nextInt(60));
        boolean imperial = r.nextDouble() < 0.1 && !plantedHere;
        RowProblem problem = plantedHere ? p.problem : null;
        if (problem == RowProblem.PM_DUPLICATE_SESSION) {
            // measured again some weeks later: the earlier session leaves with all its measurements
            LocalDateTime earlier = at;
            o.plantedFor(DUPLICATE_RULE, () -> session(p, o, r, earlier, false, null, "pm-" + p.number + "-1",
                    DUPLICATE_RULE));
            at = at.plusDays(10 + r.nextInt(50));
        }
        session(p, o, r, at, imperial, problem, "pm-" + p.number, null);
    }

    private void session(SyntheticPerson p, ParticipantOutcome o, SplittableRandom r, LocalDateTime at,
                         boolean imperial, RowProblem problem, String id, String replacedBy) {
        double heightCm = Math.round((p.male ? 176 : 162) + r.nextGaussian() * 7);
        double weightKg = Math.round((p.male ? 88 : 75) + r.nextGaussian() * 14);
        weightKg = Math.max(40, weightKg);
        if (problem == RowProblem.PM_WEIGHT_OUT_OF_RANGE) {
            weightKg = WEIGHT_KG[1] + 1 + r.nextInt(50);
        }
        boolean withBmi = problem != RowProblem.PM_WITHOUT_BMI;
        double bmi = round2(weightKg / Math.pow(heightCm / 100, 2));
        List<String> obs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            int sys = 105 + r.nextInt(45);
            obs.add(observation(code("55284-4", "systolic-diastolic-blood-pressure-" + i), "\"component\":["
                    + "{" + code("8480-6", null) + "," + quantity(sys, "mm[Hg]") + "},"
                    + "{" + code("8462-4", null) + "," + quantity(sys - 35 - r.nextInt(15), "mm[Hg]") + "}]"));
        }
        for (int i = 1; i <= 3; i++) {
            obs.add(observation(code("8867-4", "heart-rate-" + i), quantity(58 + r.nextInt(40), "/min")));
        }
        obs.add(observation(code("8302-2", "height"), imperial ? quantity(round2(heightCm / 2.54), "[in_i]")
                : quantity(heightCm, "cm")));
        obs.add(observation(code("29463-7", "weight"), imperial ? quantity(round2(weightKg / 0.45359237), "[lb_av]")
                : quantity(weightKg, "kg")));
        if (withBmi) {
            obs.add(observation(code("39156-5", "bmi"), quantity(bmi, "kg/m2")));
        }
        double waist = 80 + r.nextInt(35);
        for (int i = 1; i <= 3; i++) {
            obs.add(observation(code("56086-2", "waist-circumference-" + i), quantity(waist + (r.nextInt(5) - 2) * 0.5, "cm")));
        }
        double hip = 90 + r.nextInt(30);
        for (int i = 1; i <= 3; i++) {
            obs.add(observation(code("62409-8", "hip-circumference-" + i), quantity(hip + (r.nextInt(5) - 2) * 0.5, "cm")));
        }
        StringBuilder sb = new StringBuilder(4096);
        sb.append("{\"resourceType\":\"Bundle\",\"type\":\"document\",\"id\":\"").append(id).append("\",\"entry\":[")
                .append("{\"resource\":{\"resourceType\":\"Composition\",\"status\":\"final\",\"subject\":{\"reference\":\"Patient/")
                .append(p.participantId()).append("\"},\"date\":\"").append(at).append(":00Z\",\"title\":\"PMI Intake Evaluation\"}}");
        for (String resource : obs) {
            sb.append(",{\"resource\":").append(resource).append('}');
        }
        sb.append("]}");
        try {
            if (writer == null) {
                writer = DropGenerator.writer(dir.resolve(String.format("pm-%04d.ndjson", shard)));
            }
            writer.write(sb.toString());
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean bmiCreated = count(o, at.toLocalDate(), heightCm, weightKg, withBmi ? bmi : null, replacedBy,
                problem == RowProblem.PM_WEIGHT_OUT_OF_RANGE);
        if (problem == RowProblem.PM_WITHOUT_BMI && !bmiCreated) {
            throw new IllegalStateException("a session planted without BMI gets none computed");
        }
    }

    /**
     * The session's visit and measurement rows: a replaced session leaves whole, heights, weights and BMIs outside
     * their ranges leave alone, and a session with a plausible height and weight but no plausible BMI gets one.
     */
    private static boolean count(ParticipantOutcome o, LocalDate day, double heightCm, double weightKg, Double bmi,
                                 String replacedBy, boolean weightPlanted) {
        RowProblem.Source pm = RowProblem.Source.PM;
        o.row("visit_occurrence", day, pm, replacedBy);
        o.rows("measurement", ROWS_PER_SESSION - 3, day, pm, replacedBy);
        boolean heightOk = within(heightCm, HEIGHT_CM);
        boolean weightOk = within(weightKg, WEIGHT_KG);
        o.row("measurement", day, pm, replacedBy != null ? replacedBy : heightOk ? null : RANGE_RULE);
        String weightRule = replacedBy != null ? replacedBy : weightOk ? null : RANGE_RULE;
        String[] weightRemoved = new String[1];
        if (weightPlanted) {
            o.plantedFor(RANGE_RULE, () -> weightRemoved[0] = o.row("measurement", day, pm, weightRule));
        } else {
            weightRemoved[0] = o.row("measurement", day, pm, weightRule);
        }
        boolean bmiOk = bmi != null && within(bmi, BMI);
        if (bmi != null) {
            o.row("measurement", day, pm, replacedBy != null ? replacedBy : bmiOk ? null : RANGE_RULE);
        }
        if (weightRemoved[0] == null && heightOk && !bmiOk && within(computedBmi(weightKg, heightCm), BMI)) {
            o.created("bmi_computed", "measurement", 1);
            return true;
        }
        return false;
    }

    /** bmi_computed's value: weight / height squared, half up to two decimals. */
    static double computedBmi(double weightKg, double heightCm) {
        BigDecimal h = BigDecimal.valueOf(heightCm);
        return BigDecimal.valueOf(weightKg).multiply(BigDecimal.valueOf(10_000))
                .divide(h.multiply(h), 2, RoundingMode.HALF_UP).doubleValue();
    }

    private static boolean within(double v, double[] range) {
        return v >= range[0] && v <= range[1];
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String observation(String code, String value) {
        return "{\"resourceType\":\"Observation\",\"status\":\"final\"," + code + "," + value + "}";
    }

    private static String code(String loinc, String program) {
        String c = "{\"system\":\"" + LOINC + "\",\"code\":\"" + loinc + "\"}";
        if (program != null) {
            c += ",{\"system\":\"" + PM + "\",\"code\":\"" + program + "\"}";
        }
        return "\"code\":{\"coding\":[" + c + "]}";
    }

    private static String quantity(double value, String unit) {
        String v = value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value) : Double.toString(value);
        return "\"valueQuantity\":{\"value\":" + v + ",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + unit + "\"}";
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            writer = null;
        }
    }
}
