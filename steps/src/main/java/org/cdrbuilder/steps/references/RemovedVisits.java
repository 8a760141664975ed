package org.cdrbuilder.steps.references;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.stage.SandboxTables;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.LongObjectHashMap;

/**
 * The visits a tier no longer publishes although other rows were linked to them, each with the stage and rule that
 * removed it ({@code clean/ehr_date_floor}). Collected from the sandboxes of the stages that remove visits after
 * they got release ids, so it grows with removed visits, not with rows: about 40 bytes per removed visit.
 * Read-only once built (safe to share between worker threads).
 */
public final class RemovedVisits {
    private static final String VISITS = "visit_occurrence";
    private static final String ID = "visit_occurrence_id";

    private final LongObjectHashMap<String> removedBy;

    private RemovedVisits(LongObjectHashMap<String> removedBy) {
        this.removedBy = removedBy;
    }

    /** Visits removed by the given rules ({@code id -> "stage/rule"}); for tests and callers that know them. */
    public static RemovedVisits of(Map<Long, String> removedBy) {
        LongObjectHashMap<String> m = new LongObjectHashMap<>();
        removedBy.forEach(m::put);
        return new RemovedVisits(m);
    }

    /**
     * Reads the visit ids that the given stages' rules removed from their sandboxes, keeping only rows a rule removed
     * (a cleaning stage also sandboxes the rows it changes), then drops every id still present in
     * {@code publishedVisits}: a rule may change some visits and remove others in the same unit, and the sandbox
     * row does not say which.
     *
     * @param stages stages whose sandboxes hold removed visits with release ids, in pipeline order
     * @param publishedVisits the parts of the tier's visit_occurrence table
     */
    public static RemovedVisits collect(WorkLayout layout, List<String> stages, List<Path> publishedVisits) {
        requireNonNull(layout, "layout is null");
        TableDef visits = CdrSchema.get().table(VISITS);
        TableDef sandbox = SandboxTables.of(visits);
        int idCol = sandbox.indexOf(ID);
        int ruleCol = sandbox.indexOf(SandboxTables.RULE_ID);
        LongObjectHashMap<String> candidates = new LongObjectHashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (String stage : stages) {
            for (Path file : layout.sandboxFiles(stage, VISITS)) {
                Set<String> removing = removingRules(layout, stage, unitOf(file));
                if (removing != null && removing.isEmpty()) {
                    continue; // the unit only changed visits
                }
                RowParquetReader.forEach(List.of(file), sandbox, Set.of(ID, SandboxTables.RULE_ID), r -> {
                    String rule = r.getString(ruleCol);
                    Long id = r.getLong(idCol);
                    if (id != null && (removing == null || removing.contains(rule)) && !candidates.containsKey(id)) {
                        candidates.put(id, labels.computeIfAbsent(stage + "/" + rule, k -> k));
                    }
                });
            }
        }
        if (!candidates.isEmpty()) {
            int publishedCol = visits.indexOf(ID);
            RowParquetReader.forEach(publishedVisits, visits, Set.of(ID), r -> candidates.remove(r.getLong(publishedCol)));
        }
        return new RemovedVisits(candidates);
    }

    /** Rules that removed visits in a unit, from its report; null when the report is missing (take every row). */
    private static Set<String> removingRules(WorkLayout layout, String stage, String unitId) {
        if (!layout.isDone(stage, unitId)) {
            return null;
        }
        UnitReport.TableCounts counts = layout.readReport(stage, unitId).tables.get(VISITS);
        Set<String> rules = new HashSet<>();
        if (counts != null) {
            counts.removed.forEach((rule, n) -> {
                if (n > 0) {
                    rules.add(rule);
                }
            });
        }
        return rules;
    }

    private static String unitOf(Path sandboxFile) {
        String name = sandboxFile.getFileName().toString();
        return name.substring(0, name.length() - ".parquet".length());
    }

    public boolean contains(long visitId) {
        return removedBy.containsKey(visitId);
    }

    /** The {@code stage/rule} that removed a visit, or null when it was not removed. */
    public String removedBy(long visitId) {
        return removedBy.get(visitId);
    }

    public int size() {
        return removedBy.size();
    }

    public boolean isEmpty() {
        return removedBy.isEmpty();
    }
}
