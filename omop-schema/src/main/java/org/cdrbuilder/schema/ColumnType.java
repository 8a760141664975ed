package org.cdrbuilder.schema;

import java.util.Locale;

/**
 * The logical column types the pipeline understands, mapped from the Liquibase column types of the changelog.
 * Every stage (CSV validation, Parquet, DDL) works from these, never from type names of its own.
 */
public enum ColumnType {
    BIGINT, INTEGER, DOUBLE, VARCHAR, TEXT, DATE, TIMESTAMP, BOOLEAN;

    /** Maps a Liquibase type name such as {@code VARCHAR(50)} or {@code BIGINT} to a logical type. */
    public static ColumnType fromLiquibase(String type) {
        String t = type.trim().toUpperCase(Locale.ROOT);
        int paren = t.indexOf('(');
        String base = paren < 0 ? t : t.substring(0, paren).trim();
        return switch (base) {
            case "BIGINT", "INT8", "LONG" -> BIGINT;
            case "INTEGER", "INT", "INT4", "SMALLINT" -> INTEGER;
            case "DOUBLE", "FLOAT", "FLOAT8", "DOUBLE PRECISION", "NUMERIC", "DECIMAL", "REAL" -> DOUBLE;
            case "VARCHAR", "NVARCHAR", "CHAR", "STRING" -> VARCHAR;
            case "CLOB", "TEXT" -> TEXT;
            case "DATE" -> DATE;
            case "TIMESTAMP", "DATETIME" -> TIMESTAMP;
            case "BOOLEAN", "BOOL" -> BOOLEAN;
            default -> throw new IllegalArgumentException("unsupported column type in the schema changelog: " + type);
        };
    }

    /** Whether values of this type are character data. */
    public boolean isText() {
        return this == VARCHAR || this == TEXT;
    }
}
