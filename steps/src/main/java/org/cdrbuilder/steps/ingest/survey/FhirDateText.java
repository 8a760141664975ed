package org.cdrbuilder.steps.ingest.survey;

import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.cdrbuilder.core.validate.ValueException;
import org.cdrbuilder.core.validate.ValueParser;

/**
 * FHIR {@code date} and {@code dateTime} answers as ISO 8601 text: partial dates ({@code 1972}, {@code 1972-11})
 * stay as written, full dates are validated, datetimes are converted to UTC and written without an offset
 * ({@code 1972-11-30T02:34:42}), like every timestamp of the pipeline.
 */
final class FhirDateText {
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private FhirDateText() {
    }

    /** A {@code valueDate}; throws {@link ValueException} when it is not a FHIR date. */
    static String date(String text) {
        if (YEAR.matcher(text).matches() || YEAR_MONTH.matcher(text).matches()) {
            return text;
        }
        if (FULL_DATE.matcher(text).matches()) {
            return ValueParser.parseDate(text).toString();
        }
        throw new ValueException("not a FHIR date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
    }

    /** A {@code valueDateTime}; throws {@link ValueException} when it is not a FHIR dateTime. */
    static String dateTime(String text) {
        if (text.length() <= 10) {
            return date(text);
        }
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(ValueParser.parseTimestamp(text));
    }
}
