package org.cdrbuilder.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateTableChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * The release schema, read from the Liquibase changelog {@value #CHANGELOG}. This is the only place where
 * tables and columns are declared: Parquet schemas, input validation and database DDL all derive from it.
 */
public final class CdrSchema {
    /** Classpath location of the changelog. */
    public static final String CHANGELOG = "org/cdrbuilder/schema/cdr-schema.xml";

    private static volatile CdrSchema instance;

    private final Map<String, TableDef> tables;
    private final Map<String, TableRoles> roles;
    private final List<ForeignKeyConstraint> foreignKeys;
    private final List<IndexDef> indexes;

    private CdrSchema(Map<String, TableDef> tables, Map<String, TableRoles> roles, List<ForeignKeyConstraint> foreignKeys,
                      List<IndexDef> indexes) {
        this.tables = Collections.unmodifiableMap(tables);
        this.roles = Collections.unmodifiableMap(roles);
        this.foreignKeys = List.copyOf(foreignKeys);
        this.indexes = List.copyOf(indexes);
    }

    /** The roles a table declares in the changelog (none: an empty set of roles). */
    public TableRoles roles(String table) {
        table(table);
        return roles.getOrDefault(table, TableRoles.NONE);
    }

    /**
     * The tables holding a person's rows: every published or provenance table with a {@code person_id} column, in
     * schema order. Research ids and date shifting apply to each of them.
     */
    public List<TableDef> personTables() {
        return tables.values().stream().filter(t -> (t.group() == TableGroup.OMOP || t.group() == TableGroup.EXT
                || t.group() == TableGroup.WEARABLES) && t.hasColumn("person_id")).toList();
    }

    /** The tables whose rows are events of a person: person tables that declare an event date. */
    public List<TableDef> eventTables() {
        return personTables().stream().filter(t -> roles(t.name()).eventDate() != null).toList();
    }

    /** The schema of this build, parsed once per JVM. */
    public static CdrSchema get() {
        CdrSchema s = instance;
        if (s == null) {
            synchronized (CdrSchema.class) {
                s = instance;
                if (s == null) {
                    s = load();
                    instance = s;
                }
            }
        }
        return s;
    }

    /** The changelog as Liquibase reads it: a fresh copy on every call (its changes are mutable). */
    static DatabaseChangeLog parseChangelog() {
        ResourceAccessor accessor = new ClassLoaderResourceAccessor(CdrSchema.class.getClassLoader());
        try {
            // the same jar twice on a class path is harmless; Liquibase would otherwise refuse to read it
            return liquibase.Scope.child(java.util.Map.of(
                    liquibase.GlobalConfiguration.DUPLICATE_FILE_MODE.getKey(), liquibase.GlobalConfiguration.DuplicateFileMode.WARN),
                    () -> ChangeLogParserFactory.getInstance().getParser(CHANGELOG, accessor)
                            .parse(CHANGELOG, new ChangeLogParameters(), accessor));
        } catch (LiquibaseException e) {
            throw new IllegalStateException("cannot parse schema changelog " + CHANGELOG + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse schema changelog " + CHANGELOG + ": " + e.getMessage(), e);
        }
    }

    private static CdrSchema load() {
        DatabaseChangeLog changeLog = parseChangelog();
        Map<String, List<ColumnDef>> columns = new LinkedHashMap<>();
        Map<String, TableGroup> groups = new LinkedHashMap<>();
        Map<String, String> remarks = new LinkedHashMap<>();
        List<AddForeignKeyConstraintChange> fks = new ArrayList<>();
        List<IndexDef> indexes = new ArrayList<>();
        for (ChangeSet cs : changeLog.getChangeSets()) {
            for (Change change : cs.getChanges()) {
                if (change instanceof CreateTableChange ct) {
                    String label = cs.getLabels() == null || cs.getLabels().isEmpty()
                            ? "omop" : cs.getLabels().getLabels().iterator().next();
                    groups.put(ct.getTableName(), TableGroup.fromLabel(label));
                    remarks.put(ct.getTableName(), ct.getRemarks());
                    List<ColumnDef> cols = new ArrayList<>();
                    for (ColumnConfig cc : ct.getColumns()) {
                        cols.add(column(ct.getTableName(), cc));
                    }
                    columns.put(ct.getTableName(), cols);
                } else if (change instanceof AddForeignKeyConstraintChange fk) {
                    fks.add(fk);
                } else if (change instanceof CreateIndexChange ix) {
                    indexes.add(new IndexDef(ix.getIndexName(), ix.getTableName(),
                            ix.getColumns().stream().map(ColumnConfig::getName).toList()));
                }
            }
        }
        List<ForeignKeyConstraint> constraints = new ArrayList<>();
        for (AddForeignKeyConstraintChange fk : fks) {
            List<ColumnDef> cols = columns.get(fk.getBaseTableName());
            if (cols == null) {
                throw new IllegalStateException("foreign key on unknown table " + fk.getBaseTableName());
            }
            constraints.add(new ForeignKeyConstraint(fk.getConstraintName(), fk.getBaseTableName(), fk.getBaseColumnNames(),
                    new ForeignKey(fk.getReferencedTableName(), fk.getReferencedColumnNames())));
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).name().equals(fk.getBaseColumnNames())) {
                    cols.set(i, cols.get(i).withReference(
                            new ForeignKey(fk.getReferencedTableName(), fk.getReferencedColumnNames())));
                }
            }
        }
        Map<String, TableDef> tables = new LinkedHashMap<>();
        columns.forEach((name, cols) -> tables.put(name, new TableDef(name, groups.get(name), remarks.get(name), cols)));
        for (IndexDef ix : indexes) {
            TableDef t = tables.get(ix.table());
            if (t == null) {
                throw new IllegalStateException("index " + ix.name() + " on unknown table " + ix.table());
            }
            ix.columns().forEach(t::indexOf);
        }
        return new CdrSchema(tables, TableRoles.read(CdrSchema.class.getClassLoader(), CHANGELOG, tables), constraints,
                indexes);
    }

    private static ColumnDef column(String table, ColumnConfig cc) {
        ColumnType type = ColumnType.fromLiquibase(cc.getType());
        int maxLength = 0;
        if (type == ColumnType.VARCHAR) {
            String t = cc.getType();
            int open = t.indexOf('(');
            if (open < 0) {
                throw new IllegalStateException(table + "." + cc.getName() + ": VARCHAR needs a length");
            }
            maxLength = Integer.parseInt(t.substring(open + 1, t.indexOf(')')).trim());
        }
        ConstraintsConfig cons = cc.getConstraints();
        boolean pk = cons != null && Boolean.TRUE.equals(cons.isPrimaryKey());
        boolean nullable = cons == null || cons.isNullable() == null || cons.isNullable();
        return new ColumnDef(cc.getName(), type, maxLength, nullable && !pk, pk, cc.getRemarks(), Optional.empty());
    }

    /** All tables in changelog order. */
    public List<TableDef> tables() {
        return List.copyOf(tables.values());
    }

    /** Tables of one group in changelog order. */
    public List<TableDef> tables(TableGroup group) {
        return tables.values().stream().filter(t -> t.group() == group).toList();
    }

    /** The table with this name, or throws naming it. */
    public TableDef table(String name) {
        TableDef t = tables.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no table " + name + " in the schema");
        }
        return t;
    }

    /** The foreign-key constraints of the changelog (changeSets labelled {@code constraints}), in changelog order. */
    public List<ForeignKeyConstraint> foreignKeys() {
        return foreignKeys;
    }

    /** The indexes of the changelog (changeSets labelled {@code indexes}), in changelog order. */
    public List<IndexDef> indexes() {
        return indexes;
    }

    public Optional<TableDef> findTable(String name) {
        return Optional.ofNullable(tables.get(name));
    }
}
