package org.cdrbuilder.core.parquet;

/**
 * A row id that does not fit the 32-bit integer OMOP CDM 5.4 declares, written to a release built with 32-bit ids.
 * The build stops here rather than publish ids a 5.4 database cannot load (docs/IDS.md: set {@code id_bits: 64}).
 */
public final class RowIdOverflowException extends IllegalStateException {
    private final String table;
    private final String column;

    public RowIdOverflowException(String table, String column, long id) {
        super(table + "." + column + " = " + id + " does not fit a 32-bit integer, the type OMOP CDM 5.4 declares for "
                + "row ids; a release whose tables need larger ids must be built with id_bits: 64 in release.yaml "
                + "(docs/IDS.md)");
        this.table = table;
        this.column = column;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }
}
