package org.cdrbuilder.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

/**
 * Checks published Parquet against the changelog with DuckDB, the independent reader: the types a reader sees
 * (INTEGER for OMOP's integer ids and concepts, as a CDM 5.4 database declares them) and every value: integers within
 * 32 bits, text within its VARCHAR length, no null in a NOT NULL column. What a load into the official OHDSI DDL
 * would refuse.
 */
final class Cdm54Conformance {
    /** What was checked, and every problem found ("table.column: what"). */
    record Result(long values, List<String> problems) {
    }

    private Cdm54Conformance() {
    }

    static Result check(Duck duck, TableDef table, Path dir) {
        String files = "'" + dir + "/*.parquet'";
        List<String> problems = new ArrayList<>();
        List<List<Object>> described = duck.rows("describe select * from " + files);
        List<String> names = described.stream().map(r -> (String) r.get(0)).toList();
        List<String> expectedNames = table.columns().stream().map(ColumnDef::name).toList();
        if (!names.equals(expectedNames)) {
            problems.add(table.name() + ": columns " + names + ", the changelog declares " + expectedNames);
            return new Result(0, problems);
        }
        StringBuilder sql = new StringBuilder("select count(*)");
        for (int i = 0; i < table.columnCount(); i++) {
            ColumnDef c = table.column(i);
            String type = (String) described.get(i).get(1);
            if (!type.equals(duckType(c))) {
                problems.add(table.name() + "." + c.name() + ": read as " + type + ", declared " + c.type());
            }
            String q = "\"" + c.name() + "\"";
            sql.append(", count(").append(q).append(")");
            sql.append(", count(*) filter (where ").append(q).append(" is null)");
            switch (c.type()) {
                case INTEGER -> sql.append(", count(*) filter (where cast(").append(q)
                        .append(" as hugeint) not between -2147483648 and 2147483647)");
                case VARCHAR -> sql.append(", count(*) filter (where length(").append(q).append(") > ")
                        .append(c.maxLength()).append(")");
                default -> sql.append(", 0");
            }
        }
        List<Object> r = duck.rows(sql.append(" from ").append(files).toString()).get(0);
        long values = 0;
        for (int i = 0; i < table.columnCount(); i++) {
            ColumnDef c = table.column(i);
            long present = ((Number) r.get(1 + 3 * i)).longValue();
            long nulls = ((Number) r.get(2 + 3 * i)).longValue();
            long bad = ((Number) r.get(3 + 3 * i)).longValue();
            values += present;
            if (!c.nullable() && nulls > 0) {
                problems.add(table.name() + "." + c.name() + ": " + nulls + " null values in a NOT NULL column");
            }
            if (bad > 0) {
                problems.add(table.name() + "." + c.name() + ": " + bad + (c.type() == org.cdrbuilder.schema.ColumnType.INTEGER
                        ? " values outside a 32-bit integer" : " values longer than " + c.maxLength() + " characters"));
            }
        }
        return new Result(values, problems);
    }

    private static String duckType(ColumnDef c) {
        return switch (c.type()) {
            case BIGINT -> "BIGINT";
            case INTEGER -> "INTEGER";
            case DOUBLE -> "DOUBLE";
            case VARCHAR, TEXT -> "VARCHAR";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case BOOLEAN -> "BOOLEAN";
        };
    }
}
