package org.cdrbuilder.core.qa;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What a check type declares about itself: its Data Quality Dashboard name, level, Kahn category, subcategory and
 * context, and a description template. The template uses the Data Quality Dashboard's placeholders
 * ({@code @cdmTableName}, {@code @cdmFieldName}, {@code @conceptId}, {@code @conceptName}, {@code @unitConceptId},
 * {@code @unitConceptName}) plus any parameter a check adds (e.g. {@code @plausibleValueHigh}).
 *
 * @param name the check name in results and configuration, e.g. {@code isRequired}
 * @param subcategory Kahn subcategory ({@code Relational}, {@code Value}, {@code Atemporal}, {@code Temporal}) or empty
 * @param context {@code Verification} or {@code Validation}
 */
public record CheckType(String name, CheckLevel level, CheckCategory category, String subcategory, String context,
                        String description) {
    public CheckType {
        requireNonNull(name, "name is null");
        if (!name.matches("[a-z][A-Za-z]*")) {
            throw new IllegalArgumentException("check name must be lower camel case: " + name);
        }
        requireNonNull(level, "level is null");
        requireNonNull(category, "category is null");
        subcategory = subcategory == null ? "" : subcategory;
        requireNonNull(context, "context is null");
        requireNonNull(description, "description is null");
    }

    /** The description of one resolved check: placeholders replaced by the key's table, field and concept. */
    public String describe(CheckKey key, Map<String, String> parameters) {
        String d = description
                .replace("@cdmTableName", key.table())
                .replace("@cdmFieldName", key.field() == null ? "" : key.field())
                .replace("@conceptId", key.conceptId() == null ? "" : key.conceptId().toString())
                .replace("@unitConceptId", key.unitConceptId() == null ? "" : key.unitConceptId().toString());
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            d = d.replace("@" + p.getKey(), p.getValue() == null ? "" : p.getValue());
        }
        return d;
    }
}
