package org.cdrbuilder.steps.qa.facts;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

import org.cdrbuilder.core.qa.VisitFacts;
import org.cdrbuilder.core.row.Row;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.sorting.QuickSort;

/**
 * Visit ids with start and end dates in sorted parallel arrays (16 bytes per visit), searched by binary search.
 * Read-only once published, so scans of several tables share it.
 */
public final class VisitIndex implements VisitFacts, FactCollector {
    private final LongArrayList idList = new LongArrayList();
    private final IntArrayList startList = new IntArrayList();
    private final IntArrayList endList = new IntArrayList();
    private long[] ids;
    private int[] starts;
    private int[] ends;

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
        if (!isSorted(ids)) {
            QuickSort.sort(0, ids.length, (a, b) -> Long.compare(ids[a], ids[b]), (a, b) -> {
                swap(ids, a, b);
                swap(starts, a, b);
                swap(ends, a, b);
                return 0;
            });
        }
        facts.visits(this);
    }

    private static boolean isSorted(long[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i - 1] > a[i]) {
                return false;
            }
        }
        return true;
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    @Override
    public int indexOf(long visitId) {
        int i = Arrays.binarySearch(ids, visitId);
        return i < 0 ? -1 : i;
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
