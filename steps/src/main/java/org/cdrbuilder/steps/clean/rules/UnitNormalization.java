package org.cdrbuilder.steps.clean.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.io.DelimitedFile;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.ChangedColumns;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;

import com.google.auto.service.AutoService;

/**
 * The same lab arrives in different units from different sites (glucose in mmol/L and mg/dL); researchers compare
 * values only in one unit. The conversions are data, {@code config/unit-normalization.csv} (columns
 * measurement_concept_id, from_unit_concept_id, to_unit_concept_id, factor, to_unit_source_value; a
 * measurement_concept_id of 0 applies to any measurement, a line for the measurement itself wins). A matching row
 * gets value_as_number, range_low and range_high multiplied by the factor and the target unit.
 */
@AutoService(CleaningRule.class)
public final class UnitNormalization implements CleaningRule {
    static final List<String> COLUMNS = List.of("measurement_concept_id", "from_unit_concept_id", "to_unit_concept_id",
            "factor", "to_unit_source_value");
    private static final RuleInfo INFO = new RuleInfo("unit_normalization",
            "Converts measurements recorded in another unit to the unit the program uses for them (value, normal "
                    + "range and unit), from the conversions in unit-normalization.csv.",
            List.of("measurement"), List.of("domain_alignment", "zero_concept_rows"), Set.of(), List.of("DC-414"));
    private static final String[] SCALED = {"value_as_number", "range_low", "range_high"};

    /** One line of the file: what a value in the from-unit becomes. */
    record Conversion(int toUnit, double factor, String toUnitSourceValue) {
        Conversion {
            if (toUnit == 0) {
                throw new IllegalArgumentException("to_unit_concept_id must not be 0");
            }
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("factor must be a positive number");
            }
            if (toUnitSourceValue == null || toUnitSourceValue.isBlank()) {
                throw new IllegalArgumentException("to_unit_source_value is empty");
            }
        }
    }

    private volatile Map<Long, Conversion> conversions;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public ChangedColumns changes() {
        return ChangedColumns.named("measurement.value_as_number", "measurement.range_low",
                "measurement.range_high", "measurement.unit_concept_id", "measurement.unit_source_value");
    }

    @Override
    public void prepare(RuleContext ctx) {
        conversions = read(ctx.configFile(ctx.parameters().unitNormalization));
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        Map<Long, Conversion> byKey = conversions;
        if (byKey == null) {
            throw new IllegalStateException("unit_normalization was used before prepare");
        }
        Object unit = row.get("unit_concept_id");
        if (!(unit instanceof Integer from) || from == 0) {
            return Verdict.KEEP;
        }
        Object measurement = row.get("measurement_concept_id");
        int concept = measurement instanceof Integer m ? m : 0;
        Conversion c = byKey.get(key(concept, from));
        if (c == null && concept != 0) {
            c = byKey.get(key(0, from));
        }
        if (c == null) {
            return Verdict.KEEP;
        }
        Conversion conversion = c;
        return Verdict.change("value converted to the program's unit for the measurement", r -> {
            for (String column : SCALED) {
                if (r.get(column) instanceof Double v) {
                    r.set(column, v * conversion.factor());
                }
            }
            r.set("unit_concept_id", conversion.toUnit());
            r.set("unit_source_value", conversion.toUnitSourceValue());
        });
    }

    /** Conversions by (measurement concept, from-unit); every problem of the file is a configuration error. */
    static Map<Long, Conversion> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("unit normalization file not found: " + file
                    + " (rules parameter unit_normalization, relative to the rules file's folder)");
        }
        Map<Long, Conversion> out = new HashMap<>();
        try (DelimitedFile in = DelimitedFile.open(file)) {
            int[] at = new int[COLUMNS.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = in.header().indexOf(COLUMNS.get(i));
                if (at[i] < 0) {
                    throw new ConfigException(file + ": missing column " + COLUMNS.get(i) + "; expected " + COLUMNS);
                }
            }
            while (in.hasNext()) {
                DelimitedFile.Record rec = in.next();
                if (rec.malformed()) {
                    throw new org.cdrbuilder.core.config.ConfigException(file + ":" + rec.line() + ": " + rec.error());
                }
                try {
                    int concept = integer(rec, at, 0);
                    int from = integer(rec, at, 1);
                    int to = integer(rec, at, 2);
                    if (from == 0) {
                        throw new IllegalArgumentException("from_unit_concept_id must not be 0");
                    }
                    if (from == to) {
                        throw new IllegalArgumentException("from_unit_concept_id equals to_unit_concept_id");
                    }
                    String factor = field(rec, at[3]);
                    Conversion c;
                    try {
                        c = new Conversion(to, Double.parseDouble(factor), field(rec, at[4]));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("factor is not a number: '" + factor + "'");
                    }
                    if (out.put(key(concept, from), c) != null) {
                        throw new IllegalArgumentException("a second conversion for the same measurement and unit");
                    }
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(file + " line " + rec.line() + ": " + e.getMessage(), e);
                }
            }
        }
        return Map.copyOf(out);
    }

    private static int integer(DelimitedFile.Record rec, int[] at, int column) {
        String v = field(rec, at[column]);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(COLUMNS.get(column) + " is not a concept id: '" + v + "'");
        }
    }

    private static String field(DelimitedFile.Record rec, int i) {
        String v = rec.field(i);
        return v == null ? "" : v.trim();
    }

    private static long key(int measurementConcept, int fromUnit) {
        return ((long) measurementConcept << 32) | (fromUnit & 0xffffffffL);
    }
}
