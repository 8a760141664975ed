package org.cdrbuilder.steps.clean.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.io.DelimitedFile;

/** A CSV data file of the survey rules (branching rules, core questions): its records by named columns. */
final class SurveyDataFile {
    private SurveyDataFile() {
    }

    /** The values of {@code columns} of every record, in file order; blank fields are refused. */
    static List<String[]> read(Path file, String... columns) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("survey rule data file not found: " + file);
        }
        List<String[]> out = new ArrayList<>();
        try (DelimitedFile in = DelimitedFile.open(file)) {
            int[] positions = new int[columns.length];
            for (int i = 0; i < columns.length; i++) {
                positions[i] = in.header().indexOf(columns[i]);
                if (positions[i] < 0) {
                    throw new ConfigException(file + ": no column " + columns[i] + " in the header " + in.header());
                }
            }
            while (in.hasNext()) {
                DelimitedFile.Record r = in.next();
                if (r.malformed()) {
                    throw new org.cdrbuilder.core.config.ConfigException(file + ":" + r.line() + ": " + r.error());
                }
                String[] values = new String[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    String v = r.field(positions[i]);
                    if (v == null || v.isBlank()) {
                        throw new ConfigException(file + " line " + r.line() + ": " + columns[i] + " is empty");
                    }
                    values[i] = v.trim();
                }
                out.add(values);
            }
        }
        return out;
    }
}
