package org.cdrbuilder.steps.qa.checks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.PersonFacts;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.QaCheck;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

import com.google.auto.service.AutoService;

/**
 * Events do not happen before the person was born: every event date of a table that references a person (its DATE
 * columns, or TIMESTAMP columns when it has none) is compared with the person's birth date. Rows of persons with an
 * unknown birth date are not counted.
 */
@AutoService(QaCheck.class)
public final class PlausibleAfterBirth implements QaCheck {
    static final CheckType TYPE = new CheckType("plausibleAfterBirth", CheckLevel.FIELD, CheckCategory.PLAUSIBILITY,
            "Temporal", "Validation", "The number and percent of records with a date value in the @cdmFieldName field "
            + "of the @cdmTableName table that occurs prior to birth.");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<Probe> plan(TableDef table, QaContext ctx) {
        List<Probe> out = new ArrayList<>();
        if (ctx.scanned("person")) {
            Columns.personReference(table).ifPresent(person -> {
                for (ColumnDef date : Columns.eventDates(table)) {
                    out.add(new AfterBirth(table, date, person, ctx));
                }
            });
        }
        return out;
    }

    private static final class AfterBirth extends ProbeBase {
        private final int date;
        private final int person;
        private PersonCursor persons;

        AfterBirth(TableDef table, ColumnDef date, ColumnDef person, QaContext ctx) {
            super(CheckKey.field(TYPE.name(), table.name(), date.name()), table, ctx, date.name());
            this.date = table.indexOf(date.name());
            this.person = table.indexOf(person.name());
        }

        @Override
        public Set<String> requires() {
            return Set.of("person");
        }

        @Override
        public void start(QaContext ctx) {
            persons = new PersonCursor(ctx.persons());
        }

        @Override
        public void accept(Row row) {
            long day = Columns.day(row.get(date));
            if (day == Columns.NO_DAY || !(row.get(person) instanceof Long id)) {
                return;
            }
            int p = persons.indexOf(id);
            int birth = p < 0 ? PersonFacts.UNKNOWN_DAY : persons.facts().birthDay(p);
            if (birth == PersonFacts.UNKNOWN_DAY) {
                return;
            }
            counts.row();
            if (day < birth) {
                violation(row, "birth_date", LocalDate.ofEpochDay(birth));
            }
        }
    }
}
