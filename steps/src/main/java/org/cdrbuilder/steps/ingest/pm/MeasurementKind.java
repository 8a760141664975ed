package org.cdrbuilder.steps.ingest.pm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The physical measurements the reader knows by name: their program code (the {@code physical-measurements} code
 * without its replicate suffix), LOINC codes, whether they are taken in numbered replicates, and how their mean is
 * computed. Anything else (protocol modifications, pregnancy, wheelchair, notes ...) is read as written.
 */
enum MeasurementKind {
    BLOOD_PRESSURE("blood-pressure", true, MeanRule.NONE, null, null, "55284-4"),
    SYSTOLIC("blood-pressure-systolic", true, MeanRule.SECOND_AND_THIRD, "mm[Hg]", "mm[Hg]", "8480-6"),
    DIASTOLIC("blood-pressure-diastolic", true, MeanRule.SECOND_AND_THIRD, "mm[Hg]", "mm[Hg]", "8462-4"),
    HEART_RATE("heart-rate", true, MeanRule.SECOND_AND_THIRD, "/min", "/min", "8867-4"),
    HEIGHT("height", false, MeanRule.NONE, null, "cm", "8302-2"),
    WEIGHT("weight", false, MeanRule.NONE, null, "kg", "29463-7"),
    BMI("bmi", false, MeanRule.NONE, null, "kg/m2", "39156-5"),
    WAIST("waist-circumference", true, MeanRule.CLOSEST_TWO, "cm", "cm", "56086-2", "8280-0"),
    HIP("hip-circumference", true, MeanRule.CLOSEST_TWO, "cm", "cm", "62409-8");

    /** Spellings of the program's units that payloads use (UCUM case-insensitive forms, display names). */
    private static final Map<String, String> UNIT_SPELLINGS = Map.of("mmhg", "mm[Hg]", "mm hg", "mm[Hg]",
            "bpm", "/min", "{beats}/min", "/min", "beats/min", "/min", "kg/m^2", "kg/m2", "kg/m[2]", "kg/m2",
            "centimeter", "cm", "kilogram", "kg");

    /** How the computed mean of a kind is derived from its replicates. */
    enum MeanRule {
        NONE,
        /** Mean of readings 2 and 3 (blood pressure, heart rate). */
        SECOND_AND_THIRD,
        /** Mean of the two closest of three readings; of two readings; or the one reading (waist, hip). */
        CLOSEST_TWO
    }

    private static final Map<String, MeasurementKind> BY_CODE = new HashMap<>();
    private static final Map<String, MeasurementKind> BY_LOINC = new HashMap<>();

    static {
        for (MeasurementKind k : values()) {
            BY_CODE.put(k.code, k);
            k.loincs.forEach(l -> BY_LOINC.put(l, k));
        }
        // spellings of the DSTU2-era payloads
        BY_CODE.put("systolic-diastolic-blood-pressure", BLOOD_PRESSURE);
        BY_CODE.put("systolic-blood-pressure", SYSTOLIC);
        BY_CODE.put("diastolic-blood-pressure", DIASTOLIC);
    }

    private final String code;
    private final boolean replicated;
    private final MeanRule meanRule;
    private final String meanUnit;
    private final String unit;
    private final List<String> loincs;

    MeasurementKind(String code, boolean replicated, MeanRule meanRule, String meanUnit, String unit, String... loincs) {
        this.code = code;
        this.replicated = replicated;
        this.meanRule = meanRule;
        this.meanUnit = meanUnit;
        this.unit = unit;
        this.loincs = List.of(loincs);
    }

    /** The unit the program records this measurement in (after imperial conversion), or null for the panel. */
    String unit() {
        return unit;
    }

    /**
     * The program's unit for a reading written in {@code unit} (the unit itself, or a known spelling of it), or null
     * when the reading's unit cannot be converted to it.
     */
    String accepted(String unit) {
        if (this.unit == null || unit == null) {
            return unit;
        }
        if (this.unit.equals(unit)) {
            return unit;
        }
        String spelled = UNIT_SPELLINGS.get(unit.strip().toLowerCase(java.util.Locale.ROOT));
        return this.unit.equals(spelled) || this.unit.equalsIgnoreCase(unit.strip()) ? this.unit : null;
    }

    /** The kind whose program code (or a known older spelling) is {@code code}, or null. */
    static MeasurementKind byCode(String code) {
        return BY_CODE.get(code);
    }

    static MeasurementKind byLoinc(String loinc) {
        return loinc == null ? null : BY_LOINC.get(loinc);
    }

    /** The program code of a replicate ({@code heart-rate-2}, {@code heart-rate-mean}) or of the kind ({@code bmi}). */
    String code(String replicate) {
        return replicate == null ? code : code + "-" + replicate;
    }

    /** True for the blood-pressure panel, whose systolic and diastolic components are the readings. */
    boolean isPanel() {
        return this == BLOOD_PRESSURE;
    }

    /** True when readings come as replicates 1, 2, 3 that are numbered by position when the payload does not. */
    boolean replicated() {
        return replicated;
    }

    MeanRule meanRule() {
        return meanRule;
    }

    /** The unit readings must have to enter the computed mean. */
    String meanUnit() {
        return meanUnit;
    }

    /** The LOINC code written for computed means and for readings coded only by their program code. */
    String primaryLoinc() {
        return loincs.get(0);
    }
}
