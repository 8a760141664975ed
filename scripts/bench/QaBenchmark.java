import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.qa.QaReport;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.qa.QaEngine;

/**
 * Benchmark of the QA checks (not a test): writes a measurement table of N rows (plus its persons and visits), then
 * times reading it once (every column, one thread) and running every check with the configuration of config/qa.
 * Usage: java -cp app/target/cdr.jar QaBenchmark.java <dir> <rows> <config/qa> [dense|sparse|shuffled]
 * Key orders: dense (ascending release ids, persons in blocks: what the generator writes), sparse (ascending ids
 * with gaps, above 2^31), shuffled (ids, persons and visits in random order, as research ids and real site ids are).
 */
public class QaBenchmark {
    static final int[][] LABS = {{3004410, 8554, 4, 14}, {3004501, 8840, 60, 300}, {3009966, 8840, 40, 220},
        {3007070, 8840, 20, 100}, {3027114, 8840, 110, 320}, {3022192, 8840, 40, 500}, {3016723, 8840, 1, 4},
        {3013682, 8840, 5, 60}, {3000963, 8713, 8, 18}, {3023314, 8554, 28, 55}, {3024929, 8848, 100, 450},
        {3000905, 8848, 3, 15}, {3020416, 8815, 3, 6}, {3023599, 8583, 75, 105}, {3023103, 8753, 3, 6},
        {3019550, 8753, 128, 150}, {3024171, 8541, 10, 28}, {3020891, 586323, 35, 40}, {3004249, 8876, 85, 200},
        {3012888, 8876, 45, 120}, {3027018, 8541, 50, 120}, {3036277, 8582, 140, 200}, {3025315, 9529, 40, 150}};
    static final int PERSONS = 10_000;
    static final int VISITS_PER_PERSON = 20;
    static final LocalDate FIRST = LocalDate.of(2015, 1, 1);
    static String keys = "dense";

    /** A bijection of [0, 2^40) that scatters consecutive numbers: unique ids in random order. */
    static long scatter(long n) {
        long x = (n * 0x9E3779B97F4BL + 0x5DEECE66DL) & ((1L << 40) - 1);
        return x;
    }

    static long personId(int p) {
        return switch (keys) {
            case "dense" -> 300_000_000L + p;
            case "sparse" -> 3_000_000_000L + 97L * p;
            default -> 3_000_000_000L + scatter(p); // research ids: no order
        };
    }

    static long visitId(int person, int visit) {
        long n = (long) person * VISITS_PER_PERSON + visit;
        return switch (keys) {
            case "dense" -> 100_000_000L + n;
            case "sparse" -> 5_000_000_000L + 13L * n;
            default -> 5_000_000_000L + scatter(n + 7);
        };
    }

    static long measurementId(long n) {
        return switch (keys) {
            case "dense" -> 1_000_000_000L + n;
            case "sparse" -> 4_000_000_000L + 7L * n + (n % 5);
            default -> 1L << 41 | scatter(n);
        };
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        Path config = Path.of(args[2]);
        keys = args.length > 3 ? args[3] : "dense";
        if (!List.of("dense", "sparse", "shuffled").contains(keys)) {
            throw new IllegalArgumentException("key order must be dense, sparse or shuffled: " + keys);
        }
        CdrSchema schema = CdrSchema.get();
        TableDef measurement = schema.table("measurement");
        Path omop = dir.resolve("omop");
        long t0 = System.nanoTime();
        if (!Files.isDirectory(omop.resolve("measurement"))) {
            write(omop, schema, rows);
        }
        List<Path> parts;
        try (var s = Files.list(omop.resolve("measurement"))) {
            parts = s.sorted().toList();
        }
        long bytes = 0;
        for (Path p : parts) {
            bytes += Files.size(p);
        }
        System.out.printf(Locale.ROOT, "table: measurement, %,d rows, %d columns, %d files, %.0f MB, %s keys (written in %.1f s)%n",
                rows, measurement.columnCount(), parts.size(), bytes / 1e6, keys, (System.nanoTime() - t0) / 1e9);
        readOnce(parts.subList(0, 1), measurement); // warm up the reader
        QaEngine engine = QaEngine.fromConfig(config, 1);
        Vocabulary vocabulary = vocabulary(schema);
        engine.run(t -> t.name().equals("measurement") ? parts.subList(0, 1) : files(omop, t), schema, () -> vocabulary,
                LocalDate.of(2026, 10, 1)); // warm up the checks
        int rounds = Integer.parseInt(System.getProperty("rounds", "3"));
        double[] reads = new double[rounds];
        double[] readCpus = new double[rounds];
        double[] scans = new double[rounds];
        double[] scanCpus = new double[rounds];
        double[] runs = new double[rounds];
        QaReport report = null;
        for (int i = 0; i < rounds; i++) {
            reads[i] = readOnce(parts, measurement);
            readCpus[i] = lastReadCpu;
            long t1 = System.nanoTime();
            report = engine.run(t -> files(omop, t), schema, () -> vocabulary, LocalDate.of(2026, 10, 1));
            runs[i] = (System.nanoTime() - t1) / 1e9;
            var timing = report.timings.stream().filter(t -> t.cdmTableName.equals("measurement")).findFirst()
                    .orElseThrow();
            scans[i] = timing.seconds;
            scanCpus[i] = timing.cpuSeconds;
        }
        int checks = report.timings.stream().filter(t -> t.cdmTableName.equals("measurement")).findFirst()
                .orElseThrow().checks;
        double read = min(reads);
        double scan = min(scans);
        System.out.printf(Locale.ROOT, "read once (all columns, 1 thread): best %.2f s of %s = %.1f M rows/s%n", read,
                list(reads), rows / read / 1e6);
        System.out.printf(Locale.ROOT, "checks on the table (%d checks, one pass, 1 thread): best %.2f s of %s = %.1f M rows/s"
                + "%n  -> checks take %.2fx the time of reading the table once%n", checks, scan, list(scans),
                rows / scan / 1e6, scan / read);
        System.out.printf(Locale.ROOT, "CPU time of the thread (less disturbed by other load): read best %.2f s of %s, "
                + "checks best %.2f s of %s%n  -> checks take %.2fx the CPU time of reading the table once%n",
                min(readCpus), list(readCpus), min(scanCpus), list(scanCpus), min(scanCpus) / min(readCpus));
        System.out.printf(Locale.ROOT, "whole QA run (persons, visits, every table): best %.2f s of %s, %d checks, %d failed%n",
                min(runs), list(runs), report.overview.countTotal, report.overview.countOverallFailed);
        report.checkResults.stream().filter(r -> r.failed == 1).forEach(r -> System.out.printf(Locale.ROOT,
                "  failed: %s %s.%s %s: %,d of %,d rows%n", r.checkName, r.cdmTableName, r.cdmFieldName,
                r.conceptId == null ? "" : r.conceptId, r.numViolatedRows, r.numDenominatorRows));
    }

    static double min(double[] a) {
        return java.util.Arrays.stream(a).min().orElseThrow();
    }

    static String list(double[] a) {
        return java.util.Arrays.stream(a).mapToObj(x -> String.format(Locale.ROOT, "%.2f", x))
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    static List<Path> files(Path omop, TableDef t) {
        Path d = omop.resolve(t.name());
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (var s = Files.list(d)) {
            return s.sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    static double lastReadCpu;

    static double readOnce(List<Path> parts, TableDef table) {
        long t0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        long[] n = new long[2];
        RowParquetReader.forEach(parts, table, null, r -> {
            n[0]++;
            if (r.get(8) != null) {
                n[1]++;
            }
        });
        double s = (System.nanoTime() - t0) / 1e9;
        lastReadCpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
        if (n[0] == 0) {
            throw new IllegalStateException("nothing read");
        }
        return s;
    }

    static void write(Path omop, CdrSchema schema, long rows) {
        TableDef person = schema.table("person");
        try (RowParquetWriter w = RowParquetWriter.open(omop.resolve("person/part-00000.parquet"), person,
                ParquetOptions.RELEASE)) {
            for (int p = 0; p < PERSONS; p++) {
                w.write(new Row(person).set("person_id", personId(p)).set("gender_concept_id", p % 2 == 0 ? 8507 : 8532)
                        .set("year_of_birth", 1940 + p % 60).set("race_concept_id", 0).set("ethnicity_concept_id", 0));
            }
        }
        TableDef visit = schema.table("visit_occurrence");
        try (RowParquetWriter w = RowParquetWriter.open(omop.resolve("visit_occurrence/part-00000.parquet"), visit,
                ParquetOptions.RELEASE)) {
            for (int p = 0; p < PERSONS; p++) {
                for (int v = 0; v < VISITS_PER_PERSON; v++) {
                    LocalDate day = FIRST.plusDays(v * 150L);
                    w.write(new Row(visit).set("visit_occurrence_id", visitId(p, v)).set("person_id", personId(p))
                            .set("visit_concept_id", 9202).set("visit_start_date", day).set("visit_end_date", day)
                            .set("visit_type_concept_id", 32817));
                }
            }
        }
        TableDef m = schema.table("measurement");
        SplittableRandom r = new SplittableRandom(1);
        int files = 4;
        long perFile = (rows + files - 1) / files;
        long id = 0;
        for (int f = 0; f < files; f++) {
            try (RowParquetWriter w = RowParquetWriter.open(omop.resolve(String.format("measurement/part-%05d.parquet", f)),
                    m, ParquetOptions.RELEASE)) {
                for (long i = 0; i < perFile && id < rows; i++, id++) {
                    boolean shuffled = keys.equals("shuffled");
                    int p = shuffled ? r.nextInt(PERSONS) : (int) ((id / 50) % PERSONS);
                    int v = shuffled ? r.nextInt(VISITS_PER_PERSON) : (int) ((id / 5) % VISITS_PER_PERSON);
                    int[] lab = LABS[r.nextInt(LABS.length)];
                    LocalDate day = FIRST.plusDays(v * 150L);
                    double value = Math.round((lab[2] + r.nextDouble() * (lab[3] - lab[2])) * 10) / 10.0;
                    w.write(new Row(m).set("measurement_id", measurementId(id)).set("person_id", personId(p))
                            .set("measurement_concept_id", lab[0]).set("measurement_date", day)
                            .set("measurement_datetime", LocalDateTime.of(day, java.time.LocalTime.of(9, (int) (id % 60))))
                            .set("measurement_type_concept_id", 32817).set("value_as_number", value)
                            .set("unit_concept_id", lab[1]).set("visit_occurrence_id", visitId(p, v))
                            .set("measurement_source_value", "LOINC " + lab[0]).set("measurement_source_concept_id", lab[0])
                            .set("unit_source_value", "u" + lab[1]).set("value_source_value", Double.toString(value)));
                }
            }
        }
    }

    static Vocabulary vocabulary(CdrSchema schema) {
        Vocabulary.Builder b = Vocabulary.builder(java.util.Set.of());
        TableDef c = schema.table("concept");
        java.util.function.BiConsumer<Integer, String> add = (id, domain) -> b.concept(new Row(c).set("concept_id", id)
                .set("domain_id", domain).set("vocabulary_id", "Bench").set("concept_class_id", "Bench")
                .set("standard_concept", "S").set("concept_code", "c" + id));
        for (int[] lab : LABS) {
            add.accept(lab[0], "Measurement");
            add.accept(lab[1], "Unit");
        }
        add.accept(32817, "Type Concept");
        add.accept(9202, "Visit");
        add.accept(8507, "Gender");
        add.accept(8532, "Gender");
        return b.build();
    }
}
