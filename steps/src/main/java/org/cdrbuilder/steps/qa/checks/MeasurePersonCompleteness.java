package org.cdrbuilder.steps.qa.checks;

import java.util.BitSet;
import java.util.List;
import java.util.Set;

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
 * How many published persons have no row in a table that references persons (one bit per person). Most tables
 * hold only some participants' data, so thresholds per table say what is expected.
 */
@AutoService(QaCheck.class)
public final class MeasurePersonCompleteness implements QaCheck {
    static final CheckType TYPE = new CheckType("measurePersonCompleteness", CheckLevel.TABLE,
            CheckCategory.COMPLETENESS, "", "Validation", "The number and percent of persons in the CDM that do not "
            + "have at least one record in the @cdmTableName table");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<Probe> plan(TableDef table, QaContext ctx) {
        if (!ctx.scanned("person")) {
            return List.of();
        }
        return Columns.personReference(table).stream().<Probe>map(c -> new Persons(table, c, ctx)).toList();
    }

    private static final class Persons extends ProbeBase {
        private final int person;
        private final Set<String> columns;
        private PersonCursor persons;
        private BitSet seen;

        Persons(TableDef table, ColumnDef person, QaContext ctx) {
            super(CheckKey.table(TYPE.name(), table.name()), table, ctx);
            this.person = table.indexOf(person.name());
            this.columns = Set.of(person.name());
        }

        @Override
        public Set<String> columns() {
            return columns;
        }

        @Override
        public Set<String> requires() {
            return Set.of("person");
        }

        @Override
        public void start(QaContext ctx) {
            persons = new PersonCursor(ctx.persons());
            seen = new BitSet(ctx.persons().size());
        }

        @Override
        public void accept(Row row) {
            if (row.get(person) instanceof Long id) {
                int p = persons.indexOf(id);
                if (p >= 0) {
                    seen.set(p);
                }
            }
        }

        @Override
        public void finish(QaContext ctx) {
            int all = persons.facts().size();
            counts.rows(all);
            counts.violate(all - seen.cardinality());
        }
    }
}
