package org.cdrbuilder.steps.audit;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.TableDef;

/**
 * One published row as the checks see it.
 *
 * @param source the row it was made from (before the tier's privacy rules), or null when not available
 * @param participant the registry participant behind the row's research id, or -1 (no person column, no mapping,
 *                    or not a research id)
 * @param file the part file, relative to the release (or the work directory)
 * @param index the row's position in the file, from 0
 */
public record AuditedRow(TableDef table, Row row, Row source, long participant, String file, long index) {
    public void report(Findings f, String column, String what) {
        f.add(table.name(), column, file, index, what);
    }
}
