package org.cdrbuilder.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes physical-measurement sessions as FHIR R4 document Bundles (a Composition and LOINC-coded Observations with
 * the program's measurement codes), one per line in {@code physical_measurements/pm-<shard>.ndjson}: three blood
 * pressure readings, three heart rates, height, weight, BMI, three waist and three hip circumferences; one session
 * in ten in imperial units. The reader adds the means, so a session makes 1 visit and 23 measurement rows.
 */
final class PmWriter implements AutoCloseable {
    static final String PM = "http://terminology.pmi-ops.org/CodeSystem/physical-measurements";
    static final String LOINC = "http://loinc.org";
    static final double SHARE = 0.75;
    static final int ROWS_PER_SESSION = 23;

    private final Path dir;
    private final Planted planted;
    private Writer writer;
    private int shard = -1;

    PmWriter(Path drop, Planted planted) {
        this.dir = drop.resolve("physical_measurements");
        this.planted = planted;
    }

    void write(SyntheticPerson p, String removal, SplittableRandom r) {
        if (r.nextDouble() >= SHARE) {
            return;
        }
        int s = p.index / SurveyWriter.PARTICIPANTS_PER_FILE;
        if (s != shard) {
            close();
            shard = s;
        }
        LocalDateTime at = p.consentDate.plusDays(r.nextInt(60)).atTime(9 + r.nextInt(8), r.nextInt(60));
        boolean imperial = r.nextDouble() < 0.1;
        double heightCm = Math.round((p.male ? 176 : 162) + r.nextGaussian() * 7);
        double weightKg = Math.round((p.male ? 88 : 75) + r.nextGaussian() * 14);
        weightKg = Math.max(40, weightKg);
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
        obs.add(observation(code("39156-5", "bmi"), quantity(round2(weightKg / Math.pow(heightCm / 100, 2)), "kg/m2")));
        double waist = 80 + r.nextInt(35);
        for (int i = 1; i <= 3; i++) {
            obs.add(observation(code("56086-2", "waist-circumference-" + i), quantity(waist + (r.nextInt(5) - 2) * 0.5, "cm")));
        }
        double hip = 90 + r.nextInt(30);
        for (int i = 1; i <= 3; i++) {
            obs.add(observation(code("62409-8", "hip-circumference-" + i), quantity(hip + (r.nextInt(5) - 2) * 0.5, "cm")));
        }
        StringBuilder sb = new StringBuilder(4096);
        sb.append("{\"resourceType\":\"Bundle\",\"type\":\"document\",\"id\":\"pm-").append(p.number).append("\",\"entry\":[")
                .append("{\"resource\":{\"resourceType\":\"Composition\",\"status\":\"final\",\"subject\":{\"reference\":\"Patient/")
                .append(p.participantId()).append("\"},\"date\":\"").append(at).append(":00Z\",\"title\":\"PMI Intake Evaluation\"}}");
        for (String o : obs) {
            sb.append(",{\"resource\":").append(o).append('}');
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
        planted.generated("visit_occurrence");
        if (removal != null) {
            planted.removed(removal, "visit_occurrence");
        }
        planted.generated("measurement", ROWS_PER_SESSION);
        if (removal != null) {
            planted.removed(removal, "measurement", ROWS_PER_SESSION);
        }
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
