package org.cdrbuilder.steps.qa.facts;

import java.time.LocalDate;
import java.util.Set;

import org.cdrbuilder.core.qa.VisitFacts;
import org.cdrbuilder.core.row.Row;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongArrayList;

/**
 * Visit ids with start and end dates in parallel arrays (16 bytes per visit), found in O(1) by {@link KeyPositions}
 * (4 more bytes per visit for dense release ids). Read-only once published, so scans of several tables share it.
 */
public final class VisitIndex implements VisitFacts, FactCollector {
    private final LongArrayList idList = new LongArrayList();
    private final IntArrayList startList = new IntArrayList();
    private final IntArrayList endList = new IntArrayList();
    private long[] ids;
    private int[] starts;
    private int[] ends;
    private KeyPositions positions;

    @Override
    public String table() {
        return "visit_occurrence";
    }

    @Override
    public Set<String> columns() {
        return Set.of("visit_occurrence_id", "visit_start_date", "visit_end_date");
    }

    @Override
    public void accept(Row row) {
        if (row.get("visit_occurrence_id") instanceof Long id && row.get("visit_start_date") instanceof LocalDate s) {
            idList.add(id);
            startList.add((int) s.toEpochDay());
            endList.add(row.get("visit_end_date") instanceof LocalDate e ? (int) e.toEpochDay() : (int) s.toEpochDay());
        }
    }

    @Override
    public void publish(Facts facts) {
        ids = idList.toArray();
        starts = startList.toArray();
        ends = endList.toArray();
        positions = new KeyPositions(ids);
        facts.visits(this);
    }

    @Override
    public int indexOf(long visitId) {
        return positions.indexOf(visitId);
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public int startDay(int i) {
        return starts[i];
    }

    @Override
    public int endDay(int i) {
        return ends[i];
    }
}
