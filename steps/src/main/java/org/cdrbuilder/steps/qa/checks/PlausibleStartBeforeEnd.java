package org.cdrbuilder.steps.qa.checks;

import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.QaCheck;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

import com.google.auto.service.AutoService;

/**
 * Start dates (and datetimes) are not after their end: the pairs come from the schema's column names
 * ({@code condition_start_date} / {@code condition_end_date}, {@code procedure_date} / {@code procedure_end_date}).
 * Rows missing either value are not counted.
 */
@AutoService(QaCheck.class)
public final class PlausibleStartBeforeEnd implements QaCheck {
    static final CheckType TYPE = new CheckType("plausibleStartBeforeEnd", CheckLevel.FIELD,
            CheckCategory.PLAUSIBILITY, "Temporal", "Verification", "The number and percent of records with a value in "
            + "the @cdmFieldName field of the @cdmTableName that occurs after the date in the "
            + "@plausibleStartBeforeEndFieldName.");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<Probe> plan(TableDef table, QaContext ctx) {
        return Columns.startEndPairs(table).stream().<Probe>map(p -> new StartBeforeEnd(table, p[0], p[1], ctx)).toList();
    }

    private static final class StartBeforeEnd extends ProbeBase {
        private final int start;
        private final int end;
        private final String endName;

        StartBeforeEnd(TableDef table, ColumnDef start, ColumnDef end, QaContext ctx) {
            super(CheckKey.field(TYPE.name(), table.name(), start.name()), table, ctx, start.name(), end.name());
            this.start = table.indexOf(start.name());
            this.end = table.indexOf(end.name());
            this.endName = end.name();
        }

        @Override
        @SuppressWarnings("unchecked") // a start and its end have the same type (both dates or both datetimes)
        public void accept(Row row) {
            Object s = row.get(start);
            Object e = row.get(end);
            if (s == null || e == null) {
                return;
            }
            counts.row();
            if (((Comparable<Object>) s).compareTo(e) > 0) {
                violation(row);
            }
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of("plausibleStartBeforeEndFieldName", endName);
        }
    }
}
