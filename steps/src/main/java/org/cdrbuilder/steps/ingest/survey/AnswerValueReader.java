package org.cdrbuilder.steps.ingest.survey;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.cdrbuilder.core.validate.ValueException;
import org.cdrbuilder.core.validate.Violation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the single {@code value[x]} of an answer: {@code valueCoding}, {@code valueString}, {@code valueInteger},
 * {@code valueDecimal}, {@code valueDate}, {@code valueDateTime} or {@code valueBoolean}, each with the JSON type
 * FHIR gives it. No value, several values, a value of the wrong JSON type and other value types (e.g.
 * {@code valueQuantity}) are {@link AnswerValue.Invalid}.
 */
final class AnswerValueReader {
    private AnswerValueReader() {
    }

    static AnswerValue read(JsonNode answer) {
        if (!answer.isObject()) {
            return invalid(null, "answer is not a JSON object", raw(answer));
        }
        List<String> names = valueNames(answer);
        if (names.isEmpty()) {
            return invalid(null, "answer has no value[x]", null);
        }
        if (names.size() > 1) {
            return invalid(null, "answer has " + names.size() + " values " + names
                    + " (expected exactly one)", null);
        }
        String name = names.get(0);
        JsonNode value = answer.get(name);
        try {
            return switch (name) {
                case "valueCoding" -> coding(value);
                case "valueString" -> new AnswerValue.Text(string(value, name));
                case "valueInteger" -> integer(value);
                case "valueDecimal" -> decimal(value);
                case "valueDate" -> new AnswerValue.Text(FhirDateText.date(string(value, name)));
                case "valueDateTime" -> new AnswerValue.Text(FhirDateText.dateTime(string(value, name)));
                case "valueBoolean" -> bool(value);
                default -> throw new ValueException("unsupported answer type " + name);
            };
        } catch (ValueException e) {
            return invalid(name, e.getMessage(), raw(value));
        }
    }

    private static List<String> valueNames(JsonNode answer) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = answer.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            // "_valueString" carries extensions of a value, not a value
            if (field.startsWith("value")) {
                names.add(field);
            }
        }
        return names;
    }

    private static AnswerValue coding(JsonNode value) {
        if (!value.isObject()) {
            throw new ValueException("valueCoding is not a JSON object");
        }
        JsonNode code = value.get("code");
        if (code == null || !code.isTextual() || code.asText().isBlank()) {
            throw new ValueException("valueCoding has no code");
        }
        return new AnswerValue.Coded(code.asText());
    }

    private static String string(JsonNode value, String name) {
        if (!value.isTextual()) {
            throw new ValueException(name + " is not a JSON string");
        }
        if (value.asText().isEmpty()) {
            throw new ValueException(name + " is empty");
        }
        return value.asText();
    }

    private static AnswerValue integer(JsonNode value) {
        if (!value.isIntegralNumber()) {
            throw new ValueException("valueInteger is not a JSON integer");
        }
        if (!value.canConvertToInt()) {
            throw new ValueException("valueInteger is out of the 32-bit range");
        }
        return new AnswerValue.Numeric(value.intValue());
    }

    private static AnswerValue decimal(JsonNode value) {
        if (!value.isNumber()) {
            throw new ValueException("valueDecimal is not a JSON number");
        }
        double d = value.doubleValue();
        if (Double.isInfinite(d)) {
            throw new ValueException("valueDecimal is out of range");
        }
        return new AnswerValue.Numeric(d);
    }

    private static AnswerValue bool(JsonNode value) {
        if (!value.isBoolean()) {
            throw new ValueException("valueBoolean is not a JSON boolean");
        }
        return new AnswerValue.Text(Boolean.toString(value.booleanValue()));
    }

    private static AnswerValue invalid(String field, String reason, String value) {
        return new AnswerValue.Invalid(new Violation(field, reason, value));
    }

    private static String raw(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
