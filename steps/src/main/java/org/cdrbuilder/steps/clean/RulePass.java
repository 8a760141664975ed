package org.cdrbuilder.steps.clean;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleEngine;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.SandboxTables;
import org.cdrbuilder.core.stage.UnitOutputs;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

/**
 * One pass of an engine's rules over one part file and its {@code _ext} provenance part, read in step (harmonization
 * writes them row for row). Kept rows and their provenance are written; removed rows (and, when asked, changed rows)
 * are copied to the sandbox as they were; everything is counted per table and rule. Used by the cleaning stage and,
 * per tier, by the privacy stage (which also runs the rules over provenance rows keyed by person).
 */
public final class RulePass {
    private final RuleEngine engine;
    private final RuleContext rules;
    private final boolean sandboxChanges;
    private final boolean rulesOnExt;

    /**
     * @param sandboxChanges copy changed rows to the sandbox (cleaning: yes; privacy changes every row: no)
     * @param rulesOnExt also run the rules over provenance rows (privacy: person_ext holds demographics)
     */
    public RulePass(RuleEngine engine, RuleContext rules, boolean sandboxChanges, boolean rulesOnExt) {
        this.engine = engine;
        this.rules = rules;
        this.sandboxChanges = sandboxChanges;
        this.rulesOnExt = rulesOnExt;
    }

    /**
     * Runs the rules over {@code part} (of {@code table}) into {@code out}. Rows that arrive in another table (moved
     * there, or created) get provisional ids ({@link ArrivalIds}), made final when the stage completes.
     */
    public void run(BuildContext ctx, String stage, String unitId, TableDef table, Path part, RowOrigin origin,
                    UnitOutputs out, UnitReport report) {
        runLanes(ctx, stage, unitId, table, part, origin, List.of(new Lane(this, out, report)));
    }

    /**
     * Where one pass writes: the rules of one engine (one tier, say), their outputs and report. Several lanes share
     * one read of the part ({@link #runLanes}).
     */
    public record Lane(RulePass pass, UnitOutputs out, UnitReport report) {
    }

    /**
     * Runs several passes over one read of {@code part}: each lane gets its own copy of every row (rules change rows
     * in place) and its own provisional arrival ids, so each writes what it would have written alone, byte for byte.
     */
    public static void runLanes(BuildContext ctx, String stage, String unitId, TableDef table, Path part,
                                RowOrigin origin, List<Lane> lanes) {
        Path extPart = part.getParent().getParent().resolve(table.name() + "_ext").resolve(part.getFileName());
        boolean hasExt = Files.isRegularFile(extPart);
        TableDef extTable = hasExt ? CdrSchema.get().table(table.name() + "_ext") : null;
        int n0 = lanes.size();
        Listener[] listeners = new Listener[n0];
        RuleEngine.Session[] sessions = new RuleEngine.Session[n0];
        ArrivalIds.Provisional[] arrivals = new ArrivalIds.Provisional[n0];
        for (int k = 0; k < n0; k++) {
            Lane lane = lanes.get(k);
            arrivals[k] = new ArrivalIds.Provisional();
            listeners[k] = new Listener(lane.out(), lane.report(), arrivals[k], lane.pass().sandboxChanges);
            sessions[k] = lane.pass().engine.session(RulePass::eventDay);
        }
        try (RowParquetReader main = RowParquetReader.open(part, table);
             RowParquetReader ext = hasExt ? RowParquetReader.open(extPart, extTable) : null) {
            long n = 0;
            while (main.hasNext()) {
                Row row = main.next();
                Row extRow = ext == null ? null : ext.next();
                for (int k = 0; k < n0; k++) {
                    boolean last = k == n0 - 1;
                    lanes.get(k).pass().apply(last ? row : row.copy(), extRow == null || last ? extRow : extRow.copy(),
                            table, origin, lanes.get(k), listeners[k], sessions[k], arrivals[k]);
                }
                if ((++n & 0x3fff) == 0) {
                    ctx.progress().rows(table.name(), 0x4000);
                    ctx.faults().checkpoint(stage, unitId, n);
                }
            }
            ctx.progress().rows(table.name(), n & 0x3fff);
            for (int k = 0; k < n0; k++) {
                Lane lane = lanes.get(k);
                arrivals[k].record(lane.report());
                lane.out().writer(table);
                if (hasExt) {
                    lane.out().writer(extTable);
                }
            }
        }
    }

    private void apply(Row row, Row extRow, TableDef table, RowOrigin origin, Lane lane, Listener listener,
                       RuleEngine.Session session, ArrivalIds.Provisional arrivals) {
        UnitOutputs out = lane.out();
        UnitReport report = lane.report();
        listener.currentExt = extRow;
        listener.currentTable = table.name();
        report.table(table.name()).in++;
        Row kept = session.apply(row, origin, rules, listener, DomainTables::move);
        if (kept != null) {
            if (kept.table() != table) {
                arrivals.assign(kept); // moved: the target table's ids are its own
            }
            out.write(kept);
            report.table(kept.table().name()).out++;
            if (extRow != null) {
                Row e = extFor(kept, extRow);
                if (rulesOnExt) {
                    report.table(e.table().name()).in++;
                    listener.currentTable = e.table().name();
                    e = session.apply(e, origin, rules, listener, DomainTables::move);
                    if (e == null) {
                        throw new IllegalStateException("a rule removed a provenance row of a kept row in "
                                + table.name());
                    }
                    report.table(e.table().name()).out++;
                }
                out.write(e);
            }
        }
    }

    /** The day of a row's event, for rules decided per person and day (any value when it has none). */
    static long eventDay(Row row) {
        java.time.LocalDate d = EventDates.of(row);
        return d == null ? Long.MIN_VALUE : d.toEpochDay();
    }

    /** The provenance row of {@code row} (which may have moved to another table) from its original ext row. */
    static Row extFor(Row row, Row originalExt) {
        TableDef extTable = CdrSchema.get().table(row.table().name() + "_ext");
        if (extTable.name().equals(originalExt.table().name())) {
            return originalExt;
        }
        Row e = new Row(extTable);
        e.set(0, row.get(0));
        e.set("src_id", originalExt.get("src_id"));
        return e;
    }

    /**
     * The provenance row of a row a rule created: keyed by the created row's id, with the provenance of the row
     * it was created from (same table: every column; another table: its source).
     */
    static Row createdExt(Row created, Row fromExt) {
        TableDef extTable = CdrSchema.get().table(created.table().name() + "_ext");
        Row e = new Row(extTable);
        if (extTable.name().equals(fromExt.table().name())) {
            for (int i = 1; i < extTable.columnCount(); i++) {
                e.set(i, fromExt.get(i));
            }
        } else {
            e.set("src_id", fromExt.get("src_id"));
        }
        e.set(0, created.get(0));
        return e;
    }

    /** Writes sandboxes and counts what rules did. */
    private static final class Listener implements RuleEngine.Listener {
        private final UnitOutputs out;
        private final UnitReport report;
        private final ArrivalIds.Provisional arrivals;
        private final boolean sandboxChanges;
        Row currentExt;
        /** The table of the row the rules are looking at (a change keeps the row's table). */
        String currentTable;

        Listener(UnitOutputs out, UnitReport report, ArrivalIds.Provisional arrivals, boolean sandboxChanges) {
            this.out = out;
            this.report = report;
            this.arrivals = arrivals;
            this.sandboxChanges = sandboxChanges;
        }

        @Override
        public void removed(CleaningRule rule, Row before, String reason) {
            report.table(before.table().name()).remove(rule.info().id());
            out.sandbox(SandboxTables.copy(before, rule.info().id(), reason));
        }

        @Override
        public boolean wantsRowsBeforeChange() {
            return sandboxChanges;
        }

        @Override
        public void changed(CleaningRule rule, Row before, String reason) {
            report.table(before != null ? before.table().name() : currentTable).change(rule.info().id());
            if (sandboxChanges) {
                out.sandbox(SandboxTables.copy(before, rule.info().id(), reason));
            }
        }

        @Override
        public void moved(CleaningRule rule, Row before, String to, String reason) {
            String from = before.table().name();
            report.table(from).movedOut.merge(to, 1L, Long::sum);
            report.table(to).movedIn.merge(from, 1L, Long::sum);
            report.table(from).change(rule.info().id());
            out.sandbox(SandboxTables.copy(before, rule.info().id(), reason));
        }

        @Override
        public void created(CleaningRule rule, List<Row> rows, String reason) {
            for (Row r : rows) {
                arrivals.assign(r);
                out.write(r);
                UnitReport.TableCounts c = report.table(r.table().name());
                c.created++;
                c.out++;
                c.createdBy.merge(rule.info().id(), 1L, Long::sum);
                if (currentExt != null && CdrSchema.get().findTable(r.table().name() + "_ext").isPresent()) {
                    out.write(createdExt(r, currentExt));
                }
            }
        }
    }
}
