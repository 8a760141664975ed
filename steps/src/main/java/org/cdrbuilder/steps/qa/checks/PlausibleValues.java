package org.cdrbuilder.steps.qa.checks;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.ConceptProbe;
import org.cdrbuilder.core.qa.ConfigTable;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.qa.Violations;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

/**
 * Plausible ranges from {@value #FILE} (cdmTableName, cdmFieldName, conceptId, conceptName, unitConceptId,
 * unitConceptName, plausibleValueLow, plausibleValueHigh). A row without a concept limits the field itself (a number,
 * or a date: {@code yyyy-mm-dd}, {@code today} or {@code cutoff}); a row with a concept limits
 * {@code value_as_number} of the rows whose {@code cdmFieldName} holds that concept (and unit, when given), as the
 * Data Quality Dashboard's concept-level checks do.
 */
final class PlausibleValues {
    static final String FILE = "plausible-values.csv";
    static final String VALUE_FIELD = "value_as_number";

    private PlausibleValues() {
    }

    /** Probes of {@code type} for every configured range of {@code table} with a {@code bound} column. */
    static List<Probe> plan(CheckType type, TableDef table, QaContext ctx, String bound, boolean high) {
        List<Probe> out = new ArrayList<>();
        for (ConfigTable.Row r : ctx.config(FILE)) {
            if (!r.require("cdmTableName").equals(table.name()) || r.get(bound) == null) {
                continue;
            }
            String field = r.require("cdmFieldName");
            if (!table.hasColumn(field)) {
                throw new ConfigException(r.where() + ": " + table.name() + " has no field " + field);
            }
            Integer concept = r.integer("conceptId");
            String valueField = concept == null ? field : VALUE_FIELD;
            ColumnDef value = table.column(valueField);
            double limit = parse(r, bound, value, ctx);
            if (concept == null) {
                out.add(new FieldLimit(CheckKey.field(type.name(), table.name(), field), table, ctx, value, limit, high,
                        r.get(bound)));
            } else {
                Integer unit = r.integer("unitConceptId");
                out.add(new ConceptLimit(CheckKey.concept(type.name(), table.name(), field, concept, unit), table, ctx,
                        limit, high, r));
            }
        }
        return out;
    }

    private static double parse(ConfigTable.Row r, String bound, ColumnDef column, QaContext ctx) {
        String text = r.require(bound);
        if (!Columns.isTemporal(column)) {
            Double d = r.number(bound);
            return d;
        }
        LocalDate date = switch (text) {
            case "today" -> LocalDate.now();
            case "cutoff" -> ctx.cutoffDate();
            default -> {
                try {
                    yield LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw new ConfigException(r.where() + ": " + bound + " of a date field must be yyyy-mm-dd, today "
                            + "or cutoff: '" + text + "'");
                }
            }
        };
        return date.toEpochDay();
    }

    static boolean outside(double value, double limit, boolean high) {
        return high ? value > limit : value < limit;
    }

    private static double numeric(Object v, boolean temporal) {
        if (temporal) {
            long d = Columns.day(v);
            return d == Columns.NO_DAY ? Double.NaN : d;
        }
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static final class FieldLimit extends ProbeBase {
        private final int column;
        private final boolean temporal;
        private final double limit;
        private final boolean high;
        private final String shown;

        FieldLimit(CheckKey key, TableDef table, QaContext ctx, ColumnDef c, double limit, boolean high, String shown) {
            super(key, table, ctx, c.name());
            this.column = table.indexOf(c.name());
            this.temporal = Columns.isTemporal(c);
            this.limit = limit;
            this.high = high;
            this.shown = temporal && !shown.matches("\\d{4}-\\d{2}-\\d{2}")
                    ? LocalDate.ofEpochDay((long) limit) + " (" + shown + ")" : shown;
        }

        @Override
        public void accept(Row row) {
            double v = numeric(row.get(column), temporal);
            if (Double.isNaN(v)) {
                return;
            }
            counts.row();
            if (outside(v, limit, high)) {
                violation(row, high ? "plausibleValueHigh" : "plausibleValueLow", new Violations.Fact(shown));
            }
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of(high ? "plausibleValueHigh" : "plausibleValueLow", shown);
        }
    }

    private static final class ConceptLimit extends ProbeBase implements ConceptProbe {
        private final int value;
        private final int unit;
        private final Integer unitConceptId;
        private final double limit;
        private final boolean high;
        private final Map<String, String> parameters;

        ConceptLimit(CheckKey key, TableDef table, QaContext ctx, double limit, boolean high, ConfigTable.Row r) {
            super(key, table, ctx, key.field(), "unit_concept_id", VALUE_FIELD);
            this.value = table.indexOf(VALUE_FIELD);
            this.unit = table.indexOf("unit_concept_id");
            this.unitConceptId = key.unitConceptId();
            this.limit = limit;
            this.high = high;
            String bound = high ? "plausibleValueHigh" : "plausibleValueLow";
            this.parameters = Map.of(bound, r.require(bound), "conceptName", nonNull(r.get("conceptName")),
                    "unitConceptName", nonNull(r.get("unitConceptName")));
        }

        private static String nonNull(String s) {
            return s == null ? "" : s;
        }

        @Override
        public String conceptColumn() {
            return key().field();
        }

        @Override
        public int conceptId() {
            return key().conceptId();
        }

        @Override
        public void accept(Row row) {
            if (unitConceptId != null && !unitConceptId.equals(row.get(unit)) || !(row.get(value) instanceof Double v)) {
                return;
            }
            counts.row();
            if (outside(v, limit, high)) {
                violation(row);
            }
        }

        @Override
        public Map<String, String> parameters() {
            return parameters;
        }
    }
}
