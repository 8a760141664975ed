package org.cdrbuilder.core.qa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.io.DelimitedFile;

/**
 * A small configuration table (the CSV files of {@code config/qa/}, like the Data Quality Dashboard's threshold
 * files, and {@code config/tiers/site-states.csv}; a header row, lines starting with {@code #} are comments): rows as column-to-value maps with empty cells as
 * absent values, and the file and line of each row for error messages.
 */
public final class ConfigTable {
    /** One row: its values by column name (blank cells omitted) and where it came from. */
    public record Row(Map<String, String> values, String where) {
        /** The value, or null when blank or absent. */
        public String get(String column) {
            return values.get(column);
        }

        /** The value, or throws naming the file and line. */
        public String require(String column) {
            String v = values.get(column);
            if (v == null) {
                throw new ConfigException(where + ": " + column + " is required");
            }
            return v;
        }

        public Integer integer(String column) {
            String v = get(column);
            try {
                return v == null ? null : Integer.valueOf(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(where + ": " + column + " must be an integer: '" + v + "'");
            }
        }

        public Double number(String column) {
            String v = get(column);
            try {
                return v == null ? null : Double.valueOf(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(where + ": " + column + " must be a number: '" + v + "'");
            }
        }
    }

    private ConfigTable() {
    }

    /** Reads {@code file}; throws {@link ConfigException} when it is missing or lacks a required column. */
    public static List<Row> read(Path file, String... requiredColumns) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("configuration file not found: " + file);
        }
        List<Row> rows = new ArrayList<>();
        try (DelimitedFile f = DelimitedFile.openConfig(file)) {
            List<String> header = f.header();
            for (String c : requiredColumns) {
                if (!header.contains(c)) {
                    throw new ConfigException(file + ": missing column " + c + " (header: " + header + ")");
                }
            }
            while (f.hasNext()) {
                DelimitedFile.Record r = f.next();
                if (r.malformed()) {
                    throw new ConfigException(file.getFileName() + ":" + r.line() + ": " + r.error());
                }
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String v = r.field(i);
                    if (v != null && !v.isBlank()) {
                        m.put(header.get(i), v.trim());
                    }
                }
                if (!m.isEmpty()) {
                    rows.add(new Row(m, file.getFileName() + ":" + r.line()));
                }
            }
        }
        return rows;
    }
}
