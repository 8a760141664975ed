package org.cdrbuilder.steps.qa.checks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.DeathFacts;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.QaCheck;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

import com.google.auto.service.AutoService;

/**
 * Events do not happen long after death: event dates of persons who died are at most {@code death_grace_days} (60,
 * as in the Data Quality Dashboard) after the death date. The denominator is the dated rows of persons who died.
 */
@AutoService(QaCheck.class)
public final class PlausibleBeforeDeath implements QaCheck {
    static final CheckType TYPE = new CheckType("plausibleBeforeDeath", CheckLevel.FIELD, CheckCategory.PLAUSIBILITY,
            "Temporal", "Validation", "The number and percent of records with a date value in the @cdmFieldName field "
            + "of the @cdmTableName table that occurs more than @deathGraceDays days after death.");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<Probe> plan(TableDef table, QaContext ctx) {
        List<Probe> out = new ArrayList<>();
        if (ctx.scanned("death") && !table.name().equals("death")) {
            Columns.personReference(table).ifPresent(person -> {
                for (ColumnDef date : Columns.eventDates(table)) {
                    out.add(new BeforeDeath(table, date, person, ctx));
                }
            });
        }
        return out;
    }

    private static final class BeforeDeath extends ProbeBase {
        private final int date;
        private final int person;
        private final int grace;
        private DeathFacts deaths;

        BeforeDeath(TableDef table, ColumnDef date, ColumnDef person, QaContext ctx) {
            super(CheckKey.field(TYPE.name(), table.name(), date.name()), table, ctx, date.name());
            this.date = table.indexOf(date.name());
            this.person = table.indexOf(person.name());
            this.grace = ctx.settings().deathGraceDays;
        }

        @Override
        public Set<String> requires() {
            return Set.of("death");
        }

        @Override
        public void start(QaContext ctx) {
            deaths = ctx.deaths();
        }

        @Override
        public void accept(Row row) {
            if (deaths.size() == 0 || !(row.get(person) instanceof Long id)) {
                return;
            }
            int death = deaths.deathDay(id);
            long day = Columns.day(row.get(date));
            if (death == DeathFacts.NONE || day == Columns.NO_DAY) {
                return;
            }
            counts.row();
            if (day > (long) death + grace) {
                violation(row, "death_date", LocalDate.ofEpochDay(death));
            }
        }

        @Override
        public java.util.Map<String, String> parameters() {
            return java.util.Map.of("deathGraceDays", Integer.toString(grace));
        }
    }
}
