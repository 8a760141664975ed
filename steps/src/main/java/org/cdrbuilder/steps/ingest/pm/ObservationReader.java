package org.cdrbuilder.steps.ingest.pm;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.validate.ValueException;
import org.cdrbuilder.core.validate.ValueParser;
import org.cdrbuilder.core.validate.Violation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns the Observations of one session into {@link Reading}s, in Bundle order. A blood-pressure panel yields one
 * reading per component (systolic, diastolic, ...), coded {@code blood-pressure-systolic-<n>} after the panel's
 * replicate; any other Observation yields its own value plus one reading per component. An Observation that does
 * not say which replicate it is gets its position among the Observations of its kind (the DSTU2-era payloads code
 * only the first blood pressure). What cannot be read is rejected with its pointer, never skipped.
 */
final class ObservationReader {
    /** Receives what cannot become a reading. */
    @FunctionalInterface
    interface Rejections {
        void reject(String pointer, Violation violation);
    }

    private final SessionHeader session;
    private final Rejections rejections;
    private final Map<MeasurementKind, Integer> positions = new EnumMap<>(MeasurementKind.class);

    ObservationReader(SessionHeader session, Rejections rejections) {
        this.session = session;
        this.rejections = rejections;
    }

    /** The readings of one Observation resource found at {@code pointer}. */
    List<Reading> read(JsonNode observation, String pointer) {
        Violation unusable = unusable(observation);
        if (unusable != null) {
            rejections.reject(pointer, unusable);
            return List.of();
        }
        LocalDateTime time;
        try {
            time = effectiveTime(observation);
        } catch (ValueException e) {
            reject(pointer, "effective[x]", "the effective time is " + e.getMessage(), null);
            return List.of();
        }
        Code code = Code.of(observation.path("code"));
        if (code.sourceCode() == null) {
            reject(pointer, "code", "the observation has no LOINC or physical-measurement code", null);
            return List.of();
        }
        String replicate = replicate(code);
        List<Reading> readings = new ArrayList<>();
        JsonNode components = observation.path("component");
        boolean hasComponents = components.isArray() && !components.isEmpty();
        if (code.kind() != null && code.kind().isPanel()) {
            if (!hasComponents) {
                reject(pointer, "component", "the blood-pressure panel has no components", null);
            }
        } else if (code.kind() != null || hasValue(observation) || !hasComponents) {
            // an Observation of another code with components and no value of its own only groups them
            add(readings, reading(observation, pointer, code, replicate, time));
        }
        for (int j = 0; hasComponents && j < components.size(); j++) {
            add(readings, component(components.get(j), pointer + "/component/" + j, replicate, time));
        }
        return readings;
    }

    private Reading component(JsonNode component, String pointer, String parentReplicate, LocalDateTime time) {
        Code code = Code.of(component.path("code"));
        if (code.sourceCode() == null) {
            reject(pointer, "code", "the component has no LOINC or physical-measurement code", null);
            return null;
        }
        // systolic and diastolic take the replicate of their panel, whatever the component itself says
        String replicate = code.kind() != null && code.kind().replicated() && parentReplicate != null
                ? parentReplicate : code.replicate();
        return reading(component, pointer, code, replicate, time);
    }

    private Reading reading(JsonNode node, String pointer, Code code, String replicate, LocalDateTime time) {
        MeasurementKind kind = code.kind();
        String loinc = code.loinc() != null || kind == null ? code.loinc() : kind.primaryLoinc();
        String source = kind != null ? kind.code(replicate) : code.sourceCode();
        String vocabulary = kind != null || code.program() != null ? "PPI" : "LOINC";
        JsonNode quantity = node.get("valueQuantity");
        if (quantity != null && quantity.isObject()) {
            Reading.Quantity q = quantity(quantity, pointer);
            if (q != null && kind != null && kind.accepted(q.unit()) == null) {
                // a unit the program cannot convert to its own (a height in furlongs): the value means nothing here
                reject(pointer, "valueQuantity.code", "unit " + q.unit() + " cannot be converted to " + kind.unit()
                        + " (" + kind.code(null) + ")", q.unit());
                return null;
            }
            if (q != null && kind != null && !q.unit().equals(kind.accepted(q.unit()))) {
                q = new Reading.Quantity(q.value(), kind.accepted(q.unit()), q.asWritten());
            }
            return q == null ? null : new Reading(pointer, kind, replicate, loinc, source, vocabulary, time, q, null);
        }
        if (kind != null) {
            reject(pointer, "valueQuantity", "the reading has no numeric value", null);
            return null;
        }
        JsonNode concept = node.get("valueCodeableConcept");
        if (concept != null && concept.isObject()) {
            Reading.Answer answer = answer(concept);
            if (answer == null) {
                reject(pointer, "valueCodeableConcept", "the coded value has no code", null);
                return null;
            }
            return new Reading(pointer, null, replicate, loinc, source, vocabulary, time, null, answer);
        }
        String other = otherValue(node);
        if (other != null) {
            reject(pointer, other, "this observation value type is not supported", null);
        } else {
            reject(pointer, "value[x]", "the observation has no value", null);
        }
        return null;
    }

    private Reading.Quantity quantity(JsonNode quantity, String pointer) {
        JsonNode v = quantity.get("value");
        if (v == null || v.isNull()) {
            reject(pointer, "valueQuantity.value", "the reading has no numeric value", null);
            return null;
        }
        BigDecimal value = number(v);
        if (value == null) {
            reject(pointer, "valueQuantity.value", "the reading value is not a finite number",
                    v.isTextual() ? v.asText() : v.toString());
            return null;
        }
        String unit = Fhir.text(quantity, "code") != null ? Fhir.text(quantity, "code") : Fhir.text(quantity, "unit");
        if (unit == null) {
            reject(pointer, "valueQuantity.code", "the reading has no unit", null);
            return null;
        }
        return ImperialUnits.toMetric(value, unit);
    }

    private static BigDecimal number(JsonNode v) {
        BigDecimal value;
        if (v.isNumber()) {
            value = v.decimalValue();
        } else if (v.isTextual()) {
            try {
                value = new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return Double.isFinite(value.doubleValue()) ? value : null;
    }

    private static Reading.Answer answer(JsonNode concept) {
        for (JsonNode coding : concept.path("coding")) {
            String code = Fhir.text(coding, "code");
            if (code != null) {
                boolean loinc = Fhir.LOINC_SYSTEM.equals(Fhir.text(coding, "system"));
                return new Reading.Answer(code, loinc ? "LOINC" : "PPI");
            }
        }
        return null;
    }

    /** Numbers replicates the payload left unnumbered by their position among Observations of the same kind. */
    private String replicate(Code code) {
        MeasurementKind kind = code.kind();
        if (kind == null || code.isMean()) {
            return code.replicate();
        }
        int position = positions.merge(kind, 1, Integer::sum);
        if (code.replicate() != null || !kind.replicated()) {
            return code.replicate();
        }
        return Integer.toString(position);
    }

    private Violation unusable(JsonNode observation) {
        String status = Fhir.text(observation, "status");
        if ("entered-in-error".equals(status) || "cancelled".equals(status)) {
            return new Violation("status", "the observation was entered in error or cancelled", status);
        }
        String subject = Fhir.reference(observation, "subject");
        if (subject != null) {
            Long person = Fhir.participantNumber(subject);
            if (person == null || person != session.personId()) {
                return new Violation("subject", "the observation's subject is not the session's participant", subject);
            }
        }
        return null;
    }

    private LocalDateTime effectiveTime(JsonNode observation) {
        String text = Fhir.text(observation, "effectiveDateTime");
        if (text == null) {
            text = Fhir.text(observation, "effectiveInstant");
        }
        if (text == null) {
            text = Fhir.text(observation.path("effectivePeriod"), "start");
        }
        return text == null ? session.time() : ValueParser.parseTimestamp(text);
    }

    private static boolean hasValue(JsonNode node) {
        return node.has("valueQuantity") || node.has("valueCodeableConcept") || otherValue(node) != null;
    }

    private static String otherValue(JsonNode node) {
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.startsWith("value") && name.length() > 5 && Character.isUpperCase(name.charAt(5))
                    && !name.equals("valueQuantity") && !name.equals("valueCodeableConcept")) {
                return name;
            }
        }
        return null;
    }

    private void reject(String pointer, String field, String reason, String value) {
        rejections.reject(pointer, new Violation(field, reason, value));
    }

    private static void add(List<Reading> readings, Reading reading) {
        if (reading != null) {
            readings.add(reading);
        }
    }

    /** The codes of an Observation or component: LOINC, program code, and the kind and replicate they name. */
    private record Code(String loinc, String program, ProgramCode parsed) {
        static Code of(JsonNode concept) {
            String program = Fhir.code(concept, Fhir.PM_SYSTEM);
            return new Code(Fhir.code(concept, Fhir.LOINC_SYSTEM), program, ProgramCode.parse(program));
        }

        /** The kind named by the program code; by the LOINC code only when there is no program code. */
        MeasurementKind kind() {
            if (program != null) {
                return parsed != null ? parsed.kind() : null;
            }
            return MeasurementKind.byLoinc(loinc);
        }

        String replicate() {
            return parsed != null ? parsed.replicate() : null;
        }

        boolean isMean() {
            return ProgramCode.MEAN.equals(replicate());
        }

        /** The code written as measurement_source_value for codes outside the known kinds. */
        String sourceCode() {
            return program != null ? program : loinc;
        }
    }
}
