package org.cdrbuilder.steps.references;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.SandboxTables;
import org.cdrbuilder.core.stage.UnitOutputs;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

/**
 * Makes the visit references of one part of a table point to published visits: a reference to a visit in
 * {@link RemovedVisits} becomes null, and the row is counted once as changed by {@link #RULE_ID} and copied, as it
 * was, to the sandbox. Rows are never removed or reordered, so the part's {@code _ext} provenance part stays
 * aligned and is always taken unchanged. The part itself is first read through a projection of its reference
 * columns only; when nothing dangles it is taken unchanged too (hard link, else copy), otherwise rewritten.
 */
public final class DanglingVisitReferences {
    /** The rule id the ledger shows as {@code references/visit_references_nulled}. */
    public static final String RULE_ID = "visit_references_nulled";
    private static final String VISITS = "visit_occurrence";

    private final RemovedVisits removed;

    public DanglingVisitReferences(RemovedVisits removed) {
        this.removed = requireNonNull(removed, "removed is null");
    }

    /** How a part reached the stage's output. */
    public enum Action { LINKED, COPIED, REWRITTEN }

    /** What happened to one part: its rows, the rows whose references were nulled, and how it was written. */
    public record Outcome(long rows, long nulled, Action action) {
    }

    /**
     * The columns of {@code table} that hold a visit id: those the schema declares as references to
     * visit_occurrence and those named {@code *visit_occurrence_id} (such as survey_conduct's
     * response_visit_occurrence_id), except the table's own key. {@code visit_detail_id} is not one: the CDR has no
     * visit_detail table and harmonization nulls every such reference.
     */
    public static List<String> referenceColumns(TableDef table) {
        Set<String> out = new LinkedHashSet<>();
        for (ColumnDef c : table.columns()) {
            boolean declared = c.references().map(fk -> fk.table().equals(VISITS)).orElse(false);
            if (!c.primaryKey() && (declared || c.name().endsWith("visit_occurrence_id"))) {
                out.add(c.name());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Writes {@code part} of {@code table} (and {@code extPart}, its provenance, when not null) to {@code out},
     * nulling references to removed visits and sandboxing the rows as they were.
     */
    public Outcome apply(TableDef table, Path part, Path extPart, UnitOutputs out) {
        List<String> columns = referenceColumns(table);
        if (extPart != null) {
            out.link(CdrSchema.get().table(table.name() + "_ext"), extPart);
        }
        if (columns.isEmpty() || removed.isEmpty() || !dangles(table, part, columns)) {
            boolean linked = out.link(table, part);
            return new Outcome(RowParquetReader.countRows(part), 0, linked ? Action.LINKED : Action.COPIED);
        }
        int[] cols = columns.stream().mapToInt(table::indexOf).toArray();
        long rows = 0;
        long nulled = 0;
        out.writer(table); // the output exists even when the part has no rows
        try (RowParquetReader r = RowParquetReader.open(part, table)) {
            while (r.hasNext()) {
                Row row = r.next();
                rows++;
                String reason = reason(row, cols);
                if (reason != null) {
                    out.sandbox(SandboxTables.copy(row, RULE_ID, reason));
                    for (int c : cols) {
                        Long v = row.getLong(c);
                        if (v != null && removed.contains(v)) {
                            row.set(c, null);
                        }
                    }
                    nulled++;
                }
                out.write(row);
            }
        }
        return new Outcome(rows, nulled, Action.REWRITTEN);
    }

    /** True when some row of the part references a removed visit; reads only the reference columns. */
    private boolean dangles(TableDef table, Path part, List<String> columns) {
        int[] cols = columns.stream().mapToInt(table::indexOf).toArray();
        try (RowParquetReader r = RowParquetReader.open(part, table, Set.copyOf(columns))) {
            while (r.hasNext()) {
                Row row = r.next();
                for (int c : cols) {
                    Long v = row.getLong(c);
                    if (v != null && removed.contains(v)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Why the row changes ({@code visit_occurrence_id 17: visit removed by clean/ehr_date_floor}), or null. */
    private String reason(Row row, int[] cols) {
        List<String> parts = null;
        for (int c : cols) {
            Long v = row.getLong(c);
            if (v != null && removed.contains(v)) {
                if (parts == null) {
                    parts = new ArrayList<>(cols.length);
                }
                parts.add(row.table().column(c).name() + " " + v + ": visit removed by " + removed.removedBy(v));
            }
        }
        return parts == null ? null : String.join("; ", parts);
    }
}
