package org.cdrbuilder.steps.ingest.pm;

import java.util.ArrayList;
import java.util.List;

/** Writes small R4 physical-measurement payloads for tests, one JSON object per call, on one line. */
final class PmJson {
    static final String PM = "http://terminology.pmi-ops.org/CodeSystem/physical-measurements";
    static final String LOINC = "http://loinc.org";

    private PmJson() {
    }

    /** A document Bundle of the given resources. */
    static String bundle(String... resources) {
        return bundleWithId(null, resources);
    }

    static String bundleWithId(String id, String... resources) {
        List<String> entries = new ArrayList<>();
        for (String r : resources) {
            entries.add("{\"resource\":" + r + "}");
        }
        return "{\"resourceType\":\"Bundle\",\"type\":\"document\"" + (id == null ? "" : ",\"id\":\"" + id + "\"")
                + ",\"entry\":[" + String.join(",", entries) + "]}";
    }

    /** A Composition; null subject or date leaves the element out. */
    static String composition(String subject, String date) {
        return "{\"resourceType\":\"Composition\",\"status\":\"final\""
                + (subject == null ? "" : ",\"subject\":{\"reference\":\"" + subject + "\"}")
                + (date == null ? "" : ",\"date\":\"" + date + "\"") + "}";
    }

    /** An Observation with a valueQuantity; a null value or unit leaves that element out. */
    static String quantity(String loinc, String program, String value, String unit) {
        return observation(code(loinc, program), valueQuantity(value, unit));
    }

    /** An Observation with a valueCodeableConcept. */
    static String coded(String loinc, String program, String answerSystem, String answer) {
        return observation(code(loinc, program),
                "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"" + answerSystem + "\",\"code\":\"" + answer + "\"}]}");
    }

    /** A blood-pressure panel with systolic and diastolic components in mm[Hg]. */
    static String bloodPressure(String program, String systolic, String diastolic) {
        return observation(code("55284-4", program), "\"component\":["
                + "{" + code("8480-6", null) + "," + valueQuantity(systolic, "mm[Hg]") + "},"
                + "{" + code("8462-4", null) + "," + valueQuantity(diastolic, "mm[Hg]") + "}]");
    }

    /** An Observation from its code element and further elements. */
    static String observation(String code, String... elements) {
        StringBuilder sb = new StringBuilder("{\"resourceType\":\"Observation\",\"status\":\"final\",").append(code);
        for (String e : elements) {
            if (!e.isEmpty()) {
                sb.append(',').append(e);
            }
        }
        return sb.append('}').toString();
    }

    static String code(String loinc, String program) {
        List<String> codings = new ArrayList<>();
        if (loinc != null) {
            codings.add("{\"system\":\"" + LOINC + "\",\"code\":\"" + loinc + "\"}");
        }
        if (program != null) {
            codings.add("{\"system\":\"" + PM + "\",\"code\":\"" + program + "\"}");
        }
        return "\"code\":{\"coding\":[" + String.join(",", codings) + "]}";
    }

    static String valueQuantity(String value, String unit) {
        List<String> parts = new ArrayList<>();
        if (value != null) {
            parts.add("\"value\":" + value);
        }
        if (unit != null) {
            parts.add("\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + unit + "\"");
        }
        return "\"valueQuantity\":{" + String.join(",", parts) + "}";
    }
}
