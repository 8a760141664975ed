package org.cdrbuilder.core.validate;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cdrbuilder.core.io.DelimitedFile;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

/**
 * Turns the records of one delimited file into rows of a table, validating each value against the column
 * declared in the schema changelog: type, length and NOT NULL. Columns are matched by header name,
 * case-insensitively, after applying aliases (e.g. CDM 5.3 names). Unknown columns are reported and ignored;
 * a missing NOT NULL column makes the file unusable.
 */
public final class RecordMapper {

    /** The outcome of mapping one record: a row, or the violation that keeps it out. */
    public sealed interface Result permits Ok, Bad {
    }

    public record Ok(Row row) implements Result {
    }

    public record Bad(Violation violation) implements Result {
    }

    private final TableDef table;
    private final int headerSize;
    private final int[] columnOfField;
    private final List<String> unknownColumns;
    private final List<String> missingRequired;
    private final int[] requiredColumns;

    private RecordMapper(TableDef table, List<String> header, Map<String, String> aliases, java.util.Set<String> derivable) {
        this.table = table;
        this.headerSize = header.size();
        this.columnOfField = new int[header.size()];
        List<String> unknown = new ArrayList<>();
        Map<String, String> lowerAliases = new HashMap<>();
        aliases.forEach((k, v) -> lowerAliases.put(k.toLowerCase(Locale.ROOT), v));
        boolean[] present = new boolean[table.columnCount()];
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            name = lowerAliases.getOrDefault(name, name);
            int col = table.indexOfOrMinus1(name);
            if (col >= 0 && present[col]) {
                col = -1; // a repeated column: the first one wins
                unknown.add(header.get(i) + " (repeated)");
            } else if (col < 0) {
                unknown.add(header.get(i));
            } else {
                present[col] = true;
            }
            columnOfField[i] = col;
        }
        List<String> missing = new ArrayList<>();
        List<Integer> required = new ArrayList<>();
        for (int c = 0; c < table.columnCount(); c++) {
            ColumnDef def = table.column(c);
            if (!def.nullable() && !derivable.contains(def.name())) {
                required.add(c);
                if (!present[c]) {
                    missing.add(def.name());
                }
            }
        }
        this.unknownColumns = List.copyOf(unknown);
        this.missingRequired = List.copyOf(missing);
        this.requiredColumns = required.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * @param aliases header names (any case) mapped to the schema's column names
     */
    public static RecordMapper forHeader(TableDef table, List<String> header, Map<String, String> aliases) {
        return forHeader(table, header, aliases, java.util.Set.of());
    }

    /**
     * @param derivable NOT NULL columns that may be missing in the input because a later stage derives them
     */
    public static RecordMapper forHeader(TableDef table, List<String> header, Map<String, String> aliases,
                                         java.util.Set<String> derivable) {
        requireNonNull(table, "table is null");
        requireNonNull(header, "header is null");
        return new RecordMapper(table, header, aliases == null ? Map.of() : aliases,
                derivable == null ? java.util.Set.of() : derivable);
    }

    public TableDef table() {
        return table;
    }

    /** Header columns that are not columns of the table. */
    public List<String> unknownColumns() {
        return unknownColumns;
    }

    /** NOT NULL columns of the table that the header lacks. */
    public List<String> missingRequired() {
        return missingRequired;
    }

    /** A file is usable when its header has every NOT NULL column. */
    public boolean usable() {
        return missingRequired.isEmpty();
    }

    public Result map(DelimitedFile.Record record) {
        if (record.size() != headerSize) {
            return new Bad(new Violation(null, "row has " + record.size() + " fields but the header has " + headerSize,
                    null));
        }
        Row row = new Row(table);
        for (int i = 0; i < headerSize; i++) {
            int col = columnOfField[i];
            if (col < 0) {
                continue;
            }
            String text = record.field(i);
            try {
                row.set(col, ValueParser.parse(table.column(col), text));
            } catch (ValueException e) {
                return new Bad(new Violation(table.column(col).name(), e.getMessage(), text));
            }
        }
        for (int c : requiredColumns) {
            if (row.isNull(c)) {
                return new Bad(new Violation(table.column(c).name(), "required value is missing", null));
            }
        }
        return new Ok(row);
    }
}
