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

    /**
     * A row; {@code dropped} lists the values of lenient columns that were invalid and left empty (field and
     * reason, never the value).
     */
    public record Ok(Row row, List<Violation> dropped) implements Result {
        public Ok {
            dropped = dropped == null ? List.of() : dropped;
        }
    }

    public record Bad(Violation violation) implements Result {
    }

    private final TableDef table;
    private final int headerSize;
    private final int[] columnOfField;
    private final List<String> unknownColumns;
    private final List<String> missingRequired;
    private final int[] requiredColumns;
    private final FieldPolicy policy;
    private final boolean[] lenient;
    /** For a header field that repeats a column: the field read for that column; else -1. */
    private final int[] repeatOf;

    /**
     * How a source writes some of its values: text is normalized before it is parsed (for example the participant
     * system's {@code PIIState_MA} becomes {@code MA}), and an invalid value of a lenient column is dropped (the row
     * is kept with the column empty, and the drop reported) instead of quarantining the row.
     */
    public interface FieldPolicy {
        FieldPolicy STRICT = new FieldPolicy() { };

        /** The text to parse for {@code column}; throws {@link ValueException} when it cannot be a valid value. */
        default String normalize(String column, String text) {
            return text;
        }

        /** Whether an invalid value of {@code column} is dropped rather than quarantining its row. */
        default boolean lenient(String column) {
            return false;
        }
    }

    private RecordMapper(TableDef table, List<String> header, Map<String, String> aliases, java.util.Set<String> derivable,
                         FieldPolicy policy) {
        this.table = table;
        this.policy = policy;
        this.lenient = new boolean[table.columnCount()];
        for (int c = 0; c < table.columnCount(); c++) {
            lenient[c] = table.column(c).nullable() && policy.lenient(table.column(c).name());
        }
        this.headerSize = header.size();
        this.columnOfField = new int[header.size()];
        List<String> unknown = new ArrayList<>();
        Map<String, String> lowerAliases = new HashMap<>();
        aliases.forEach((k, v) -> lowerAliases.put(k.toLowerCase(Locale.ROOT), v));
        boolean[] present = new boolean[table.columnCount()];
        int[] fieldOfColumn = new int[table.columnCount()];
        this.repeatOf = new int[header.size()];
        java.util.Arrays.fill(repeatOf, -1);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            name = lowerAliases.getOrDefault(name, name);
            int col = table.indexOfOrMinus1(name);
            if (col >= 0 && present[col]) {
                // a repeated column: the first one is read, and a row whose copies differ is quarantined
                repeatOf[i] = fieldOfColumn[col];
                col = -1;
                unknown.add(header.get(i) + " (repeated)");
            } else if (col < 0) {
                unknown.add(header.get(i));
            } else {
                present[col] = true;
                fieldOfColumn[col] = i;
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
        return forHeader(table, header, aliases, derivable, FieldPolicy.STRICT);
    }

    /**
     * @param policy how the source's values are normalized, and which invalid values are dropped rather than
     *               quarantining their row
     */
    public static RecordMapper forHeader(TableDef table, List<String> header, Map<String, String> aliases,
                                         java.util.Set<String> derivable, FieldPolicy policy) {
        requireNonNull(table, "table is null");
        requireNonNull(header, "header is null");
        requireNonNull(policy, "policy is null");
        return new RecordMapper(table, header, aliases == null ? Map.of() : aliases,
                derivable == null ? java.util.Set.of() : derivable, policy);
    }

    public TableDef table() {
        return table;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
        if (record.malformed()) {
            return new Bad(new Violation(null, record.error(), null));
        }
        if (record.size() != headerSize) {
            return new Bad(new Violation(null, "row has " + record.size() + " fields but the header has " + headerSize,
                    null));
        }
        Row row = new Row(table);
        List<Violation> dropped = null;
        for (int i = 0; i < headerSize; i++) {
            int col = columnOfField[i];
            if (col < 0) {
                continue;
            }
            String text = record.field(i);
            ColumnDef def = table.column(col);
            try {
                if (policy != FieldPolicy.STRICT && text != null && !text.isEmpty()) {
                    text = policy.normalize(def.name(), text);
                }
                row.set(col, ValueParser.parse(table, col, text));
            } catch (ValueException e) {
                if (!lenient[col]) {
                    return new Bad(new Violation(def.name(), e.getMessage(), text));
                }
                if (dropped == null) {
                    dropped = new ArrayList<>(2);
                }
                dropped.add(new Violation(def.name(), e.getMessage(), null));
            }
        }
        for (int i = 0; i < headerSize; i++) {
            int first = repeatOf[i];
            if (first >= 0 && !java.util.Objects.equals(blankToNull(record.field(i)), blankToNull(record.field(first)))) {
                return new Bad(new Violation(table.column(columnOfField[first]).name(),
                        "the column appears twice in the header and this row's two values differ", null));
            }
        }
        for (int c : requiredColumns) {
            if (row.isNull(c)) {
                return new Bad(new Violation(table.column(c).name(), "required value is missing", null));
            }
        }
        return new Ok(row, dropped);
    }
}
