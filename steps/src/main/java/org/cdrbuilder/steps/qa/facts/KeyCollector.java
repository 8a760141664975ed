package org.cdrbuilder.steps.qa.facts;

import java.util.Set;

import org.cdrbuilder.core.row.Row;

/** Collects the values of a referenced key column (e.g. {@code condition_occurrence_id} for its {@code _ext}). */
public final class KeyCollector implements FactCollector {
    private final String table;
    private final String column;
    private final LongKeySet keys = new LongKeySet();
    private int index = -1;

    public KeyCollector(String table, String column) {
        this.table = table;
        this.column = column;
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public Set<String> columns() {
        return Set.of(column);
    }

    @Override
    public void accept(Row row) {
        if (index < 0) {
            index = row.table().indexOf(column);
        }
        Object v = row.get(index);
        if (v instanceof Number n) {
            keys.add(n.longValue());
        }
    }

    @Override
    public void publish(Facts facts) {
        facts.keys(table, column, keys.seal());
    }
}
