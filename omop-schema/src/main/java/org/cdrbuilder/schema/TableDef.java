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
    /** Column names (interned), for lookups by identity before the map: row code looks columns up by name per row. */
    private final String[] names;
    private final boolean[] rowIds;
    private final int[] conceptIdColumns;

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
        this.names = new String[this.columns.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = this.columns.get(i).name();
        }
        this.conceptIdColumns = java.util.stream.IntStream.range(0, this.columns.size())
                .filter(i -> this.columns.get(i).isConceptId()).toArray();
        this.rowIds = new boolean[this.columns.size()];
        for (int i = 0; i < rowIds.length; i++) {
            rowIds[i] = holdsRowIds(this.group, this.columns.get(i));
        }
    }

    /**
     * Whether a column holds ids of release rows (a primary key such as {@code measurement_id}, or a reference to one
     * such as {@code person_id} or {@code visit_occurrence_id}): an INTEGER or BIGINT {@code *_id} column that is not a
     * concept id, in any table but the vocabulary and the snapshot counts. Row ids are {@link Long}s in memory
     * whatever their declared type: OMOP CDM 5.4 declares them INTEGER, a release may write them as 64-bit
     * (docs/IDS.md), and sources use ids of any size before harmonization replaces them.
     */
    public boolean isRowId(int column) {
        return rowIds[column];
    }

    /** How many concept-id columns ({@link ColumnDef#isConceptId()}) the table has. */
    public int conceptIdColumnCount() {
        return conceptIdColumns.length;
    }

    /** The position of the k-th concept-id column, for code that looks at them per row without a name test. */
    public int conceptIdColumn(int k) {
        return conceptIdColumns[k];
    }

    /** See {@link #isRowId(int)}. */
    public boolean isRowId(String columnName) {
        return rowIds[indexOf(columnName)];
    }

    private static boolean holdsRowIds(TableGroup group, ColumnDef c) {
        return group != TableGroup.VOCABULARY && group != TableGroup.SNAPSHOT
                && (c.type() == ColumnType.INTEGER || c.type() == ColumnType.BIGINT)
                && c.name().endsWith("_id") && !c.isConceptId();
    }

    /**
     * This table with its INTEGER row-id columns declared BIGINT: the shape of a release built with 64-bit ids
     * ({@code id_bits: 64}), for DDL and Parquet schemas. The same table when it has no INTEGER row ids.
     */
    public TableDef withBigintRowIds() {
        List<ColumnDef> cols = new java.util.ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef c = columns.get(i);
            if (rowIds[i] && c.type() == ColumnType.INTEGER) {
                cols.add(new ColumnDef(c.name(), ColumnType.BIGINT, 0, c.nullable(), c.primaryKey(), c.remarks(),
                        c.references()));
                changed = true;
            } else {
                cols.add(c);
            }
        }
        return changed ? new TableDef(name, group, remarks, cols) : this;
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
        int i = indexOfOrMinus1(columnName);
        if (i < 0) {
            throw new IllegalArgumentException("table " + name + " has no column " + columnName);
        }
        return i;
    }

    /** Position of the column, or -1. */
    public int indexOfOrMinus1(String columnName) {
        String[] n = names;
        for (int i = 0; i < n.length; i++) {
            if (n[i] == columnName) {
                return i;
            }
        }
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
