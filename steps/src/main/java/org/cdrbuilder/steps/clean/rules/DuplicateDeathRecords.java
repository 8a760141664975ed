package org.cdrbuilder.steps.clean.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.LongObjectHashMap;
import com.google.auto.service.AutoService;

/**
 * A person dies once; several sites (or one site twice) may report it. The row kept is chosen from the data, never from
 * the order rows arrive in (units run in parallel and restart): {@link #prepare} reads every plausible death and
 * keeps, per person, the smallest row in {@link #DEATH_ORDER} (earliest date, then earliest datetime with a missing
 * datetime last, then the other columns in schema order, missing values last); {@link #check} keeps that row only.
 * <ul>
 * <li>When a single row has the earliest date it is kept, whatever earlier rules changed in its other columns
 * ({@code prepare} sees rows as the stage receives them, {@code check} after earlier rules). When several rows share
 * the earliest date the choice compares every column, so an earlier rule that changes one of them (a cause concept
 * replaced by its standard one) can leave none of them kept.</li>
 * <li>Rows identical in every column cannot be told apart from the data, so no one of them can be kept alone: when the
 * chosen row has identical copies, every copy is removed, with a reason of its own, rather than releasing two deaths
 * for one person.</li>
 * </ul>
 * Deaths outside the program dates are left to {@code death_date_implausible}, which runs first. Memory: one row per
 * person who died.
 */
@AutoService(CleaningRule.class)
public final class DuplicateDeathRecords implements CleaningRule {
    private static final TableDef DEATH = CdrSchema.get().table("death");
    private static final Comparator<Row> DEATH_ORDER = deathOrder();
    private static final RuleInfo INFO = new RuleInfo("duplicate_death_records",
            "Keeps one death per participant: the earliest plausible death date; among deaths of that date, the one "
                    + "with the earliest datetime, then the smallest type, cause and source values. Other death rows of "
                    + "the participant are removed, and so are rows identical in every column, which cannot be told "
                    + "apart.",
            List.of("death"), List.of("death_date_implausible"), Set.of(),
            List.of("cdr_cleaner CalculatePrimaryDeathRecord (DC-3223)"));

    /** Each dead person's earliest plausible death; replaced whole by {@link #prepare}. */
    private volatile LongObjectHashMap<Earliest> earliest = new LongObjectHashMap<>();

    /** The earliest plausible death date of a person, how many rows have it, the row chosen and its identical copies. */
    private record Earliest(LocalDate date, int rowsOnDate, Row chosen, int copies) {
        Earliest with(Row row) {
            LocalDate d = (LocalDate) row.get("death_date");
            if (d.isAfter(date)) {
                return this;
            }
            if (d.isBefore(date)) {
                return new Earliest(d, 1, row, 1);
            }
            int c = DEATH_ORDER.compare(row, chosen);
            return c < 0 ? new Earliest(date, rowsOnDate + 1, row, 1)
                    : new Earliest(date, rowsOnDate + 1, chosen, c == 0 ? copies + 1 : copies);
        }
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void prepare(RuleContext ctx) {
        LongObjectHashMap<Earliest> byPerson = new LongObjectHashMap<>();
        Set<String> columns = DEATH.columns().stream().map(ColumnDef::name).collect(Collectors.toSet());
        ctx.forEachRow("death", columns, row -> {
            Long person = (Long) row.get("person_id");
            LocalDate d = (LocalDate) row.get("death_date");
            if (person != null && d != null && DeathDateImplausible.plausible(d, ctx)) {
                Earliest e = byPerson.get(person);
                byPerson.put(person, e == null ? new Earliest(d, 1, row, 1) : e.with(row));
            }
        });
        earliest = byPerson;
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        Long person = (Long) row.get("person_id");
        LocalDate d = (LocalDate) row.get("death_date");
        Earliest e = person == null ? null : earliest.get(person);
        if (e == null || d == null || !DeathDateImplausible.plausible(d, ctx)) {
            return Verdict.KEEP;
        }
        if (d.isAfter(e.date())) {
            return Verdict.remove("duplicate death: the participant has a death with an earlier date");
        }
        if (e.rowsOnDate() == 1) {
            return Verdict.KEEP;
        }
        if (DEATH_ORDER.compare(row, e.chosen()) != 0) {
            return Verdict.remove("duplicate death: another death of the participant on the same date was kept");
        }
        return e.copies() == 1 ? Verdict.KEEP
                : Verdict.remove("duplicate death: identical death rows of the participant cannot be told apart");
    }

    private static Comparator<Row> deathOrder() {
        Comparator<Row> order = byColumn("death_date").thenComparing(byColumn("death_datetime"));
        for (ColumnDef c : DEATH.columns()) {
            if (!c.name().equals("death_date") && !c.name().equals("death_datetime")) {
                order = order.thenComparing(byColumn(c.name()));
            }
        }
        return order;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Row> byColumn(String column) {
        return Comparator.comparing(r -> (Comparable) r.get(column), Comparator.nullsLast(Comparator.naturalOrder()));
    }
}
