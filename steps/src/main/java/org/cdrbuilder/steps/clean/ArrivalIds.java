package org.cdrbuilder.steps.clean;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.harmonize.IdPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ids of the rows that arrive in a table during a rule pass: rows a rule creates (backfilled answers, computed BMIs)
 * and rows domain alignment moves there from another table. Units run in parallel and do not know how many rows the
 * others add, so a unit gives its arrivals provisional ids -1, -2, ... per table, counts them in its report, and the
 * stage's completion makes them final: after the table's last id, in unit order, dense. The ids are the same on every
 * run and restart (they depend on the unit reports only), and a table's ids stay below 2^31 while it has fewer rows
 * (docs/IDS.md). A table with 32-bit ids that would pass 2^31-1 fails the build naming it.
 */
public final class ArrivalIds {
    private static final Logger LOG = LoggerFactory.getLogger(ArrivalIds.class);
    /** Detail of a unit report: provisional ids given per table. */
    public static final String DETAIL = "arrival_ids";

    private ArrivalIds() {
    }

    /** The provisional ids of one unit. */
    public static final class Provisional {
        private final Map<String, long[]> given = new TreeMap<>();

        /** Gives {@code row} the next provisional id of its table (rows keyed by person keep their person id). */
        public void assign(Row row) {
            TableDef t = row.table();
            Optional<ColumnDef> pk = t.primaryKey();
            if (pk.isEmpty() || pk.get().name().equals("person_id") || !t.isRowId(pk.get().name())) {
                return;
            }
            long[] n = given.computeIfAbsent(t.name(), k -> new long[1]);
            row.set(t.indexOf(pk.get().name()), -(++n[0]));
        }

        /** Records the counts in the unit's report, where the stage's completion finds them. */
        public void record(UnitReport report) {
            if (!given.isEmpty()) {
                Map<String, Long> counts = new TreeMap<>();
                given.forEach((t, n) -> counts.put(t, n[0]));
                report.details.put(DETAIL, counts);
            }
        }
    }

    /** Per table, one past the last harmonized id: where the cleaning stage's arrivals start. */
    public static Map<String, Long> afterHarmonize(BuildContext ctx) {
        return IdPlan.nextIds(ctx.layout().reports(org.cdrbuilder.steps.ingest.IngestStage.NAME));
    }

    /** Per table, one past the last id once the arrivals of {@code stage}'s units are numbered from {@code start}. */
    public static Map<String, Long> after(BuildContext ctx, String stage, Map<String, Long> start) {
        Map<String, Long> next = new TreeMap<>(start);
        for (UnitReport r : reports(ctx, stage)) {
            arrivals(r).forEach((table, n) -> next.put(table, next.getOrDefault(table, 1L) + n));
        }
        return next;
    }

    /**
     * Gives the arrivals of {@code stage}'s units their final ids, rewriting the unit files that hold them (and their
     * {@code _ext} files, in step). Idempotent: a file already numbered is left alone, so a completion interrupted
     * half-way is simply run again.
     *
     * @param start per table, the first id arrivals may take (one past the table's last id)
     * @param options how the stage writes its files
     * @return per table, one past the last id given
     */
    public static Map<String, Long> finish(BuildContext ctx, String stage, Map<String, Long> start,
                                           ParquetOptions options) {
        Map<String, Long> next = after(ctx, stage, start);
        IdPlan.checkFits(next, ctx.settings().parquet().maxRowId(), "ids (with the rows rules created or moved there)");
        long started = System.nanoTime();
        long rows = 0;
        int files = 0;
        Map<String, Long> running = new TreeMap<>(start);
        for (UnitReport r : reports(ctx, stage)) {
            for (Map.Entry<String, Long> a : arrivals(r).entrySet()) {
                String table = a.getKey();
                long first = running.getOrDefault(table, 1L);
                running.put(table, first + a.getValue());
                TableDef def = CdrSchema.get().table(table);
                String idColumn = def.primaryKey().orElseThrow().name();
                files += renumber(ctx.layout().output(stage, table, r.unit), def, idColumn, first, a.getValue(),
                        options) ? 1 : 0;
                Optional<TableDef> ext = CdrSchema.get().findTable(table + "_ext");
                if (ext.isPresent()) {
                    files += renumber(ctx.layout().output(stage, ext.get().name(), r.unit), ext.get(), idColumn, first,
                            a.getValue(), options) ? 1 : 0;
                }
                rows += a.getValue();
            }
        }
        if (rows > 0) {
            LOG.info("{}: {} rows the rules added or moved got their tables' next ids ({} files rewritten in {} ms)",
                    stage, rows, files, (System.nanoTime() - started) / 1_000_000);
        }
        return next;
    }

    /**
     * Rewrites {@code file} with provisional id -k of {@code idColumn} replaced by {@code first + k - 1}.
     *
     * @return whether the file was rewritten (false: absent provenance, or numbered earlier)
     */
    static boolean renumber(Path file, TableDef table, String idColumn, long first, long count, ParquetOptions options) {
        if (!Files.isRegularFile(file)) {
            if (table.name().endsWith("_ext")) {
                return false; // rows of a part without provenance
            }
            throw new IllegalStateException("the unit report counts " + count + " new " + table.name() + " rows, but "
                    + file + " does not exist");
        }
        int col = table.indexOf(idColumn);
        long provisional = 0;
        try (RowParquetReader in = RowParquetReader.open(file, table, java.util.Set.of(idColumn))) {
            while (in.hasNext()) {
                Long id = in.next().getLong(col);
                if (id != null && id < 0) {
                    provisional++;
                }
            }
        }
        if (provisional == 0) {
            return false; // numbered by an earlier, interrupted completion
        }
        if (provisional != count) {
            throw new IllegalStateException(file + " holds " + provisional + " provisional ids, its unit report "
                    + count);
        }
        try (RowParquetWriter out = RowParquetWriter.open(file, table, options)) {
            try (RowParquetReader in = RowParquetReader.open(file, table)) {
                while (in.hasNext()) {
                    Row row = in.next();
                    Long id = row.getLong(col);
                    if (id != null && id < 0) {
                        row.set(col, first - id - 1);
                    }
                    out.write(row);
                }
            }
        }
        return true;
    }

    private static List<UnitReport> reports(BuildContext ctx, String stage) {
        return ctx.layout().reports(stage).stream().sorted(Comparator.comparing(u -> u.unit)).toList();
    }

    private static Map<String, Long> arrivals(UnitReport r) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (r.details.get(DETAIL) instanceof Map<?, ?> m) {
            new TreeMap<>(m).forEach((k, v) -> out.put(String.valueOf(k), ((Number) v).longValue()));
        }
        return out;
    }
}
