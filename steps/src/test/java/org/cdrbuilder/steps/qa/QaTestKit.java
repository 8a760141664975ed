package org.cdrbuilder.steps.qa;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.core.qa.QaCheck;
import org.cdrbuilder.core.qa.QaReport;
import org.cdrbuilder.core.qa.QaSettings;
import org.cdrbuilder.core.qa.QaThresholds;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

/**
 * Runs check types on small tables written as Parquet in a test: rows per table, a few concepts, the project's
 * configuration in {@code config/qa/} (or a copy the test changed), and the results by check key.
 */
public final class QaTestKit {
    public static final LocalDate CUTOFF = LocalDate.of(2026, 10, 1);

    private final Path dir;
    private final Map<String, List<Row>> rows = new HashMap<>();
    private final Map<String, TableDef> fileSchemas = new HashMap<>();
    private final Vocabulary.Builder vocabulary = Vocabulary.builder(java.util.Set.of());
    private Path configDir = TestFiles.repoRoot().resolve("config").resolve("qa");

    public QaTestKit(Path dir) {
        this.dir = dir;
    }

    public static TableDef table(String name) {
        return CdrSchema.get().table(name);
    }

    /** A row of {@code table} from name/value pairs. */
    public static Row row(String table, Object... pairs) {
        return row(table(table), pairs);
    }

    public static Row row(TableDef table, Object... pairs) {
        Row r = new Row(table);
        for (int i = 0; i < pairs.length; i += 2) {
            r.set((String) pairs[i], pairs[i + 1]);
        }
        return r;
    }

    /** Adds rows to a table (written with the rows' own table definition). */
    public QaTestKit rows(Row... add) {
        for (Row r : add) {
            rows.computeIfAbsent(r.table().name(), k -> new ArrayList<>()).add(r);
            fileSchemas.put(r.table().name(), r.table());
        }
        return this;
    }

    /** Adds a concept to the vocabulary: id, domain, vocabulary, standard flag ("S" or null), invalid reason. */
    public QaTestKit concept(int id, String domain, String vocabularyId, String standard, String invalidReason) {
        vocabulary.concept(row("concept", "concept_id", id, "domain_id", domain, "vocabulary_id", vocabularyId,
                "concept_class_id", "Test", "standard_concept", standard, "concept_code", "c" + id,
                "invalid_reason", invalidReason));
        return this;
    }

    /** Uses another QA configuration directory (a copy a test changed). */
    public QaTestKit config(Path qaConfig) {
        this.configDir = qaConfig;
        return this;
    }

    /** A copy of the project's QA configuration with lines appended to some of its files (file name, line...). */
    public static Path configWith(Path dir, String... fileAndLine) {
        Path target = dir.resolve("qa-config");
        try {
            java.nio.file.Files.createDirectories(target);
            try (var s = java.nio.file.Files.list(TestFiles.repoRoot().resolve("config").resolve("qa"))) {
                for (Path f : s.toList()) {
                    java.nio.file.Files.copy(f, target.resolve(f.getFileName()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (int i = 0; i < fileAndLine.length; i += 2) {
                java.nio.file.Files.writeString(target.resolve(fileAndLine[i]), fileAndLine[i + 1] + "\n",
                        java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return target;
    }

    /** A person with a gender and a birth date (year, month and day). */
    public static Row person(long id, int gender, LocalDate birth) {
        return row("person", "person_id", id, "gender_concept_id", gender, "year_of_birth",
                birth == null ? null : birth.getYear(), "month_of_birth", birth == null ? null : birth.getMonthValue(),
                "day_of_birth", birth == null ? null : birth.getDayOfMonth(), "race_concept_id", 0,
                "ethnicity_concept_id", 0);
    }

    /** A condition of a person, with start (and end) date and visit. */
    public static Row condition(long id, long person, int concept, LocalDate start, LocalDate end, Long visit) {
        return row("condition_occurrence", "condition_occurrence_id", id, "person_id", person, "condition_concept_id",
                concept, "condition_start_date", start, "condition_end_date", end, "condition_type_concept_id", 32817,
                "visit_occurrence_id", visit);
    }

    /** Runs the given check types with the configured thresholds. */
    public QaReport run(QaCheck... checks) {
        Map<String, List<Path>> files = new HashMap<>();
        rows.forEach((table, list) -> {
            Path f = dir.resolve("data").resolve(table).resolve("part-0.parquet");
            try (RowParquetWriter w = RowParquetWriter.open(f, nullable(fileSchemas.get(table)), ParquetOptions.WORK)) {
                list.forEach(w::write);
            }
            files.put(table, List.of(f));
        });
        List<QaCheck> list = List.of(checks);
        QaEngine engine = new QaEngine(list, QaThresholds.read(configDir, QaCatalog.configuredNames(QaCatalog.discover())),
                QaSettings.read(configDir), configDir, 2);
        Vocabulary v = vocabulary.build();
        return engine.run(t -> files.getOrDefault(t.name(), List.of()), CdrSchema.get(), () -> v, CUTOFF);
    }

    /** The table with every column nullable, so that a test can write the values a check must catch. */
    private static TableDef nullable(TableDef t) {
        List<ColumnDef> cols = new ArrayList<>();
        for (ColumnDef c : t.columns()) {
            cols.add(new ColumnDef(c.name(), c.type(), c.maxLength(), true, false, c.remarks(), c.references()));
        }
        return new TableDef(t.name(), t.group(), t.remarks(), cols);
    }

    /** The result of one check, or throws listing what there is. */
    public static CheckResult result(QaReport report, String check, String table, String field) {
        return result(report, check, table, field, null);
    }

    public static CheckResult result(QaReport report, String check, String table, String field, Integer concept) {
        return report.checkResults.stream()
                .filter(r -> r.checkName.equals(check) && r.cdmTableName.equals(table)
                        && java.util.Objects.equals(r.cdmFieldName, field) && java.util.Objects.equals(r.conceptId, concept))
                .findFirst().orElseThrow(() -> new AssertionError("no result " + check + " " + table + "." + field
                        + " among " + report.checkResults.stream().filter(r -> r.cdmTableName.equals(table))
                        .map(r -> r.checkName + " " + r.cdmFieldName).toList()));
    }
}
