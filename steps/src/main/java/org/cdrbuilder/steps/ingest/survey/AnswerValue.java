package org.cdrbuilder.steps.ingest.survey;

import static java.util.Objects.requireNonNull;

import org.cdrbuilder.core.validate.Violation;

/** The value of one answer, as it goes into an observation row, or why it cannot be read. */
sealed interface AnswerValue {

    /** A {@code valueCoding}: the answer code, resolved to a PPI concept for the value columns. */
    record Coded(String code) implements AnswerValue {
        public Coded {
            requireNonNull(code, "code is null");
        }
    }

    /** Free text, a date, a datetime or a boolean, for {@code value_as_string}. */
    record Text(String text) implements AnswerValue {
        public Text {
            requireNonNull(text, "text is null");
        }
    }

    /** A {@code valueInteger} or {@code valueDecimal}, for {@code value_as_number}. */
    record Numeric(double number) implements AnswerValue {
    }

    /** An answer whose value cannot be read; it is quarantined. */
    record Invalid(Violation violation) implements AnswerValue {
        public Invalid {
            requireNonNull(violation, "violation is null");
        }
    }
}
