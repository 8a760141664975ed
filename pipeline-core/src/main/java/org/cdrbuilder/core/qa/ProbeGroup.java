package org.cdrbuilder.core.qa;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.row.Row;

/**
 * Checks of one type on many fields of a table that are each too cheap to deserve a call per row (null counts,
 * types, required values): the scan calls the group once per row and the group counts for all of its members. Each
 * member is reported as its own check.
 */
public interface ProbeGroup {
    /** One check of the group: its key, its counts and the values of its description placeholders. */
    record Member(CheckKey key, Violations violations, Map<String, String> parameters) {
    }

    List<Member> members();

    /** Columns of the scanned table the group reads. */
    Set<String> columns();

    /** Called for every row of the table, in file order. */
    void accept(Row row);

    /** Called after the last row. */
    default void finish(QaContext ctx) {
    }
}
