package org.cdrbuilder.schema;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A table as declared in the schema changelog: its group, columns in order and primary key. */
public final class TableDef {
    private final String name;
    private final TableGroup group;
    private final String remarks;
    private final List<ColumnDef> columns;
    private final Map<String, Integer> index;

    public TableDef(String name, TableGroup group, String remarks, List<ColumnDef> columns) {
        this.name = requireNonNull(name, "name is null");
        this.group = requireNonNull(group, "group is null");
        this.remarks = remarks == null ? "" : remarks;
        this.columns = List.copyOf(columns);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            if (idx.put(this.columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException("duplicate column " + this.columns.get(i).name() + " in " + name);
            }
        }
        this.index = Map.copyOf(idx);
    }

    public String name() {
        return name;
    }

    public TableGroup group() {
        return group;
    }

    public String remarks() {
        return remarks;
    }

    public List<ColumnDef> columns() {
        return columns;
    }

    public int columnCount() {
        return columns.size();
    }

    public ColumnDef column(int i) {
        return columns.get(i);
    }

    /** The column with this name; throws when the table has none. */
    public ColumnDef column(String columnName) {
        return columns.get(indexOf(columnName));
    }

    /** Position of the column, or throws {@link IllegalArgumentException} naming the table. */
    public int indexOf(String columnName) {
        Integer i = index.get(columnName);
        if (i == null) {
            throw new IllegalArgumentException("table " + name + " has no column " + columnName);
        }
        return i;
    }

    /** Position of the column, or -1. */
    public int indexOfOrMinus1(String columnName) {
        Integer i = index.get(columnName);
        return i == null ? -1 : i;
    }

    public boolean hasColumn(String columnName) {
        return index.containsKey(columnName);
    }

    /** The single primary-key column, if the table declares one. */
    public Optional<ColumnDef> primaryKey() {
        return columns.stream().filter(ColumnDef::primaryKey).findFirst();
    }

    /** The primary-key columns in table order (empty when the table declares none). */
    public List<String> primaryKeyColumns() {
        return columns.stream().filter(ColumnDef::primaryKey).map(ColumnDef::name).toList();
    }

    /**
     * This table with some NOT NULL columns made nullable: the shape of staged input rows whose missing values a
     * later stage derives.
     */
    public TableDef relaxed(java.util.Set<String> columnsAllowedNull) {
        if (columnsAllowedNull.isEmpty()) {
            return this;
        }
        List<ColumnDef> cols = new java.util.ArrayList<>();
        for (ColumnDef c : columns) {
            cols.add(columnsAllowedNull.contains(c.name()) && !c.primaryKey()
                    ? new ColumnDef(c.name(), c.type(), c.maxLength(), true, false, c.remarks(), c.references()) : c);
        }
        return new TableDef(name, group, remarks, cols);
    }

    @Override
    public String toString() {
        return name;
    }
}
