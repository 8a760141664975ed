package org.cdrbuilder.steps.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * What one check found in one table: how many leaks, and the first few located by table, column, file and row.
 * Never the leaked values themselves: the report is published with the release.
 */
public final class Findings {
    static final int MAX_EXAMPLES = 20;

    public long count;
    public List<Location> examples = new ArrayList<>();

    /** Where a leak is; {@code row} counts from 0 within the file. */
    public record Location(String table, String column, String file, long row, String what) {
    }

    public void add(String table, String column, String file, long row, String what) {
        count++;
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(new Location(table, column, file, row, what));
        }
    }

    void merge(Findings other) {
        count += other.count;
        for (Location l : other.examples) {
            if (examples.size() < MAX_EXAMPLES) {
                examples.add(l);
            }
        }
    }
}
