package org.cdrbuilder.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.AddPrimaryKeyChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateTableChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;

/**
 * The changelog's DDL for one database schema, split the way a bulk load wants it: each table without its primary
 * key first, then, after the data, its primary key, its indexes (changeSets labelled {@code indexes}) and the foreign
 * keys (label {@code constraints}). The SQL is what Liquibase generates from the same changes {@link SchemaInstaller}
 * applies, so column types, nullability and comments are those of an installed schema.
 */
public final class SchemaDdl {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Database database;
    private final String schema;
    private final Map<String, CreateTableChange> tables = new LinkedHashMap<>();
    private final Map<String, CreateIndexChange> indexes = new LinkedHashMap<>();
    private final Map<String, AddForeignKeyConstraintChange> foreignKeys = new LinkedHashMap<>();

    private SchemaDdl(Database database, String schema) {
        this.database = database;
        this.schema = schema;
        for (ChangeSet cs : CdrSchema.parseChangelog().getChangeSets()) {
            for (Change change : cs.getChanges()) {
                if (change instanceof CreateTableChange ct) {
                    ct.setSchemaName(schema);
                    tables.put(ct.getTableName(), ct);
                } else if (change instanceof CreateIndexChange ix) {
                    ix.setSchemaName(schema);
                    indexes.put(ix.getIndexName(), ix);
                } else if (change instanceof AddForeignKeyConstraintChange fk) {
                    fk.setBaseTableSchemaName(schema);
                    fk.setReferencedTableSchemaName(schema);
                    foreignKeys.put(fk.getConstraintName(), fk);
                }
            }
        }
    }

    /**
     * The DDL for PostgreSQL.
     *
     * @param schema the database schema the tables go to: a lower-case SQL name (letters, digits, underscore)
     */
    public static SchemaDdl postgres(String schema) {
        requireNonNull(schema, "schema is null");
        if (!NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a schema name (lower-case letters, digits and _, at most 63): " + schema);
        }
        return new SchemaDdl(new PostgresDatabase(), schema);
    }

    public String schema() {
        return schema;
    }

    /** {@code CREATE TABLE} (and its comments) with every column and NOT NULL, but no primary key. */
    public List<String> createTableWithoutPrimaryKey(String table) {
        CreateTableChange ct = tables.get(table);
        if (ct == null) {
            throw new IllegalArgumentException("no table " + table + " in the schema changelog");
        }
        for (ColumnConfig c : ct.getColumns()) {
            if (c.getConstraints() != null && Boolean.TRUE.equals(c.getConstraints().isPrimaryKey())) {
                c.getConstraints().setPrimaryKey(false);
                c.getConstraints().setNullable(false);
            }
        }
        return sql(ct);
    }

    /** The name given to a table's primary-key constraint: {@code xpk_<table>}, as in the OHDSI DDL. */
    public static String primaryKeyName(String table) {
        return "xpk_" + table;
    }

    /** {@code ALTER TABLE ... ADD CONSTRAINT xpk_<table> PRIMARY KEY}, or nothing for a table without one. */
    public List<String> addPrimaryKey(TableDef table) {
        List<String> columns = table.primaryKeyColumns();
        if (columns.isEmpty()) {
            return List.of();
        }
        AddPrimaryKeyChange pk = new AddPrimaryKeyChange();
        pk.setSchemaName(schema);
        pk.setTableName(table.name());
        pk.setColumnNames(String.join(", ", columns));
        pk.setConstraintName(primaryKeyName(table.name()));
        return sql(pk);
    }

    /** {@code CREATE INDEX} of one index of the changelog. */
    public List<String> createIndex(IndexDef index) {
        CreateIndexChange ix = indexes.get(index.name());
        if (ix == null) {
            throw new IllegalArgumentException("no index " + index.name() + " in the schema changelog");
        }
        return sql(ix);
    }

    /** {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY} of one constraint of the changelog. */
    public List<String> addForeignKey(ForeignKeyConstraint fk) {
        AddForeignKeyConstraintChange c = foreignKeys.get(fk.name());
        if (c == null) {
            throw new IllegalArgumentException("no foreign key " + fk.name() + " in the schema changelog");
        }
        return sql(c);
    }

    private List<String> sql(Change change) {
        List<String> out = new ArrayList<>();
        for (Sql s : SqlGeneratorFactory.getInstance().generateSql(change, database)) {
            out.add(s.toSql());
        }
        return out;
    }
}
