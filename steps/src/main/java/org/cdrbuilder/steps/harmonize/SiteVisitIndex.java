package org.cdrbuilder.steps.harmonize;

import java.nio.file.Path;
import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.LongLongHashMap;

/**
 * Site-local visit ids mapped to release ids, built from the site's staged visit_occurrence file (whose rows get
 * release ids {@code offset + ordinal}). Other tables of the site resolve their visit references through it. This
 * is the one structure that grows with data rather than participants: about 20 bytes per visit of one site.
 */
public final class SiteVisitIndex {
    private final LongLongHashMap localToRelease;

    private SiteVisitIndex(LongLongHashMap m) {
        this.localToRelease = m;
    }

    public static SiteVisitIndex empty() {
        return new SiteVisitIndex(new LongLongHashMap());
    }

    public static SiteVisitIndex build(Path stagedVisits, TableDef visitTable, long offset) {
        LongLongHashMap m = new LongLongHashMap();
        try (RowParquetReader r = RowParquetReader.open(stagedVisits, visitTable, Set.of("visit_occurrence_id"))) {
            long ordinal = 0;
            int pk = visitTable.indexOf("visit_occurrence_id");
            while (r.hasNext()) {
                Row row = r.next();
                m.put(row.getLong(pk), offset + ordinal);
                ordinal++;
            }
        }
        return new SiteVisitIndex(m);
    }

    /** The release id of a site-local visit id, or -1 when the site has no such visit. */
    public long releaseId(long localVisitId) {
        return localToRelease.getOrDefault(localVisitId, -1L);
    }

    public int size() {
        return localToRelease.size();
    }
}
