import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.arrow.dataset.file.DatasetFileWriter;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.dataset.file.FileSystemDatasetFactory;
import org.apache.arrow.dataset.jni.NativeMemoryPool;
import org.apache.arrow.dataset.scanner.ScanOptions;
import org.apache.arrow.dataset.scanner.Scanner;
import org.apache.arrow.dataset.source.Dataset;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.qa.facts.LongKeySet;
import org.roaringbitmap.RoaringBitmap;

import com.carrotsearch.hppc.IntObjectHashMap;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.LongObjectHashMap;

/**
 * Evaluation of Arrow (arrow-dataset, JNI) and DuckDB (JDBC, in process) against the project's own Parquet reader,
 * writer and hand-written scans, on the tables of a published release. Not a test and not part of the pipeline.
 * Usage: java --add-opens=java.base/java.nio=ALL-UNNAMED -cp cdr.jar:arrow...:duckdb.jar EngineEvaluation.java
 *        <release dir> <scratch dir> <A1|A2|B> [tables,comma,separated]
 * Each measurement: one warm-up pass of every task, then ROUNDS (default 3) rounds; each round runs every task once
 * (tasks interleaved, so that a change of the machine's load spreads over all engines). Prints median and min.
 */
public class EngineEvaluation {
    static final int ROUNDS = Integer.getInteger("rounds", 3);
    static final CdrSchema SCHEMA = CdrSchema.get();
    static Path release;
    static Path scratch;
    static final List<String> LINES = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        release = Path.of(args[0]);
        scratch = Path.of(args[1]);
        String section = args[2];
        List<String> tables = args.length > 3 ? List.of(args[3].split(","))
                : List.of("steps_intraday", "heart_rate_minute_level", "measurement", "observation", "person");
        Files.createDirectories(scratch);
        long t0 = System.nanoTime();
        System.out.printf("== section %s, %d rounds after a warm-up, %d cores (shared machine), java %s, max heap %d MB%n",
                section, ROUNDS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        switch (section) {
            case "A1" -> a1(tables);
            case "A2" -> a2(tables);
            case "B" -> b();
            default -> throw new IllegalArgumentException("section A1, A2 or B: " + section);
        }
        System.out.printf("== section %s: wall %.1f s, process peak RSS (VmHWM, max over the section) %d MB, CPU %.1f s%n", section,
                (System.nanoTime() - t0) / 1e9, Math.max(sectionPeakMb, vmHwmMb()), cpuSeconds());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static List<Path> parts(String table) {
        for (String group : List.of("omop", "wearables")) {
            Path dir = release.resolve(group).resolve(table);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    return s.filter(p -> p.getFileName().toString().matches("part-.*\\.parquet")).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalArgumentException("no table " + table + " in " + release);
    }

    static String glob(String table) {
        return parts(table).get(0).getParent().resolve("part-*.parquet").toString();
    }

    static long vmHwmMb() {
        return procStatus("VmHWM:") >> 10;
    }

    static long procStatus(String key) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith(key)) {
                    return Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }

    /** Resets VmHWM to the current RSS (Linux 4.0+: "5" to clear_refs); false when not allowed. */
    static long sectionPeakMb;

    static boolean resetHwm() {
        sectionPeakMb = Math.max(sectionPeakMb, vmHwmMb());
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** One timed thing: returns rows processed and a checksum/result that must agree across engines. */
    record Outcome(long rows, Object result) {}

    static final class Task {
        final String engine;
        final String op;
        final String table;
        final Callable<Outcome> body;
        final List<Double> secs = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();
        long peakMb;
        Outcome last;
        String note = "";

        Task(String engine, String op, String table, Callable<Outcome> body) {
            this.engine = engine;
            this.op = op;
            this.table = table;
            this.body = body;
        }

        void run(boolean timed) throws Exception {
            System.gc();
            boolean reset = resetHwm();
            double c0 = cpuSeconds();
            long t0 = System.nanoTime();
            Outcome o = body.call();
            double s = (System.nanoTime() - t0) / 1e9;
            double c = cpuSeconds() - c0;
            if (last != null && !String.valueOf(last.result()).equals(String.valueOf(o.result()))) {
                throw new IllegalStateException(engine + " " + op + " " + table + " gave different results in two runs: "
                        + last.result() + " / " + o.result());
            }
            last = o;
            if (timed) {
                secs.add(s);
                cpu.add(c);
                peakMb = Math.max(peakMb, reset ? vmHwmMb() : -1);
            }
        }

        double median() {
            double[] a = secs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
        }

        double min() {
            return secs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double medianCpu() {
            double[] a = cpu.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return a[a.length / 2];
        }
    }

    /** -Dengines=a,b runs only those engines' tasks (one engine per JVM gives each engine's own peak RSS). */
    static final Set<String> ENGINES = System.getProperty("engines", "").isBlank() ? null
            : Set.of(System.getProperty("engines").split(","));

    static void runAll(String section, List<Task> tasks) throws Exception {
        if (ENGINES != null) {
            tasks.removeIf(t -> !ENGINES.contains(t.engine));
            if (tasks.isEmpty()) {
                throw new IllegalArgumentException("no task of engines " + ENGINES + " in section " + section);
            }
        }
        System.out.println("-- warm-up pass");
        for (Task t : tasks) {
            t.run(false);
        }
        for (int r = 1; r <= ROUNDS; r++) {
            System.out.println("-- round " + r);
            for (Task t : tasks) {
                t.run(true);
            }
        }
        String head = String.format("%-4s %-16s %-22s %-24s %11s %9s %9s %12s %8s %8s  %s", "sec", "engine", "operation",
                "table", "rows", "median s", "min s", "rows/s(med)", "cpu s", "peak MB", "result / note");
        System.out.println();
        System.out.println(head);
        System.out.println("-".repeat(head.length()));
        for (Task t : tasks) {
            double med = t.median();
            System.out.printf(Locale.ROOT, "%-4s %-16s %-22s %-24s %,11d %9.3f %9.3f %,12.0f %8.2f %8d  %s%n", section,
                    t.engine, t.op, t.table, t.last.rows(), med, t.min(), t.last.rows() / med, t.medianCpu(), t.peakMb,
                    abbreviate(String.valueOf(t.last.result())) + (t.note.isEmpty() ? "" : "; " + t.note));
        }
        System.out.println("(peak MB: VmHWM reset before each run, so it is the process's resident peak during that run,"
                + " including the JVM heap already resident; cpu s: process CPU time, all threads, median)");
    }

    static String abbreviate(String s) {
        return s.length() <= 110 ? s : s.substring(0, 107) + "...";
    }

    static Connection duck(int threads) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = c.createStatement()) {
            st.execute("SET threads=" + threads);
            st.execute("SET preserve_insertion_order=false");
        }
        return c;
    }

    static List<List<Object>> query(Connection c, String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    static long asLong(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    // ------------------------------------------------------------------------------------------------ A1: reads

    /** Non-null cells of every column: RowParquetReader, Row objects as the pipeline's stages see them. */
    static Outcome rowRead(String table) {
        TableDef def = SCHEMA.table(table);
        long rows = 0;
        long nonNull = 0;
        long touch = 0;
        int n = def.columnCount();
        for (Path f : parts(table)) {
            try (RowParquetReader r = RowParquetReader.open(f, def)) {
                while (r.hasNext()) {
                    Row row = r.next();
                    rows++;
                    for (int i = 0; i < n; i++) {
                        Object v = row.get(i);
                        if (v != null) {
                            nonNull++;
                            touch += v.hashCode();
                        }
                    }
                }
            }
        }
        return new Outcome(rows, "non-null cells " + nonNull + " (touch " + (touch & 0xff) + ")");
    }

    static final class NoopPrimitive extends PrimitiveConverter {}

    static final class NoopGroup extends GroupConverter {
        final MessageType schema;

        NoopGroup(MessageType schema) {
            this.schema = schema;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return new NoopPrimitive();
        }

        @Override
        public void start() {}

        @Override
        public void end() {}
    }

    /** parquet-java column readers over each row group's pages: primitive values, no Row, no String. */
    static Outcome columnRead(String table) throws IOException {
        long rows = 0;
        long nonNull = 0;
        long touch = 0;
        for (Path f : parts(table)) {
            try (ParquetFileReader reader = RowParquetReader.openFileReader(f)) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
                List<ColumnDescriptor> columns = schema.getColumns();
                PageReadStore pages;
                while ((pages = reader.readNextRowGroup()) != null) {
                    rows += pages.getRowCount();
                    ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new NoopGroup(schema), schema, createdBy);
                    for (ColumnDescriptor d : columns) {
                        ColumnReader cr = store.getColumnReader(d);
                        int maxDef = d.getMaxDefinitionLevel();
                        long values = cr.getTotalValueCount();
                        switch (d.getPrimitiveType().getPrimitiveTypeName()) {
                            case INT32 -> {
                                for (long i = 0; i < values; i++) {
                                    if (cr.getCurrentDefinitionLevel() == maxDef) {
                                        nonNull++;
                                        touch += cr.getInteger();
                                    }
                                    cr.consume();
                                }
                            }
                            case INT64 -> {
                                for (long i = 0; i < values; i++) {
                                    if (cr.getCurrentDefinitionLevel() == maxDef) {
                                        nonNull++;
                                        touch += cr.getLong();
                                    }
                                    cr.consume();
                                }
                            }
                            case DOUBLE -> {
                                for (long i = 0; i < values; i++) {
                                    if (cr.getCurrentDefinitionLevel() == maxDef) {
                                        nonNull++;
                                        touch += (long) cr.getDouble();
                                    }
                                    cr.consume();
                                }
                            }
                            case BINARY -> {
                                for (long i = 0; i < values; i++) {
                                    if (cr.getCurrentDefinitionLevel() == maxDef) {
                                        nonNull++;
                                        touch += cr.getBinary().length();
                                    }
                                    cr.consume();
                                }
                            }
                            case BOOLEAN -> {
                                for (long i = 0; i < values; i++) {
                                    if (cr.getCurrentDefinitionLevel() == maxDef) {
                                        nonNull++;
                                        touch += cr.getBoolean() ? 1 : 0;
                                    }
                                    cr.consume();
                                }
                            }
                            default -> throw new IllegalStateException("type not covered: " + d);
                        }
                    }
                }
            }
        }
        return new Outcome(rows, "non-null cells " + nonNull + " (touch " + (touch & 0xff) + ")");
    }

    static final BufferAllocator ARROW = new RootAllocator();

    static String[] uris(String table) {
        return parts(table).stream().map(p -> p.toAbsolutePath().toUri().toString()).toArray(String[]::new);
    }

    /** arrow-dataset's native (C++) Parquet reader: batches of 32,768 rows imported as VectorSchemaRoot. */
    static Outcome arrowRead(String table) throws Exception {
        long rows = 0;
        long nonNull = 0;
        long touch = 0;
        try (FileSystemDatasetFactory factory = new FileSystemDatasetFactory(ARROW, NativeMemoryPool.getDefault(),
                FileFormat.PARQUET, uris(table));
             Dataset dataset = factory.finish();
             Scanner scanner = dataset.newScan(new ScanOptions(32_768));
             ArrowReader reader = scanner.scanBatches()) {
            while (reader.loadNextBatch()) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                int n = root.getRowCount();
                rows += n;
                for (FieldVector v : root.getFieldVectors()) {
                    nonNull += n - v.getNullCount();
                    touch += touch(v, n);
                }
            }
        }
        return new Outcome(rows, "non-null cells " + nonNull + " (touch " + (touch & 0xff) + ")");
    }

    static long touch(FieldVector v, int n) {
        long t = 0;
        if (v instanceof IntVector x) {
            for (int i = 0; i < n; i++) {
                if (!x.isNull(i)) {
                    t += x.get(i);
                }
            }
        } else if (v instanceof BigIntVector x) {
            for (int i = 0; i < n; i++) {
                if (!x.isNull(i)) {
                    t += x.get(i);
                }
            }
        } else if (v instanceof Float8Vector x) {
            for (int i = 0; i < n; i++) {
                if (!x.isNull(i)) {
                    t += (long) x.get(i);
                }
            }
        } else if (v instanceof DateDayVector x) {
            for (int i = 0; i < n; i++) {
                if (!x.isNull(i)) {
                    t += x.get(i);
                }
            }
        } else if (v instanceof TimeStampVector x) {
            for (int i = 0; i < n; i++) {
                if (!x.isNull(i)) {
                    t += x.get(i);
                }
            }
        } else if (v instanceof VarCharVector x) {
            for (int i = 0; i < n; i++) {
                if (!x.isNull(i)) {
                    t += x.getValueLength(i);
                }
            }
        } else if (v instanceof BitVector x) {
            for (int i = 0; i < n; i++) {
                if (!x.isNull(i)) {
                    t += x.get(i);
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                Object o = v.getObject(i);
                if (o != null) {
                    t += o.hashCode();
                }
            }
        }
        return t;
    }

    /** DuckDB: count(c) and max(c) of every column (max forces decoding every value, strings included). */
    static Outcome duckRead(Connection c, String table) throws SQLException {
        TableDef def = SCHEMA.table(table);
        String cols = def.columns().stream().map(col -> "count(\"" + col.name() + "\"), max(\"" + col.name() + "\")")
                .collect(Collectors.joining(", "));
        List<Object> r = query(c, "SELECT count(*), " + cols + " FROM read_parquet('" + glob(table) + "')").get(0);
        long nonNull = 0;
        for (int i = 1; i < r.size(); i += 2) {
            nonNull += asLong(r.get(i));
        }
        return new Outcome(asLong(r.get(0)), "non-null cells " + nonNull);
    }

    static void a1(List<String> tables) throws Exception {
        Connection d1 = duck(1);
        Connection d2 = duck(2);
        List<Task> tasks = new ArrayList<>();
        for (String t : tables) {
            tasks.add(new Task("row-reader", "read all columns", t, () -> rowRead(t)));
            tasks.add(new Task("parquet-columns", "read all columns", t, () -> columnRead(t)));
            tasks.add(new Task("arrow-dataset", "read all columns", t, () -> arrowRead(t)));
            tasks.add(new Task("duckdb-1thread", "count+max every col", t, () -> duckRead(d1, t)));
            tasks.add(new Task("duckdb-2threads", "count+max every col", t, () -> duckRead(d2, t)));
        }
        runAll("A1", tasks);
        check(tasks, "A1 (non-null cells of every column)", t -> t.table);
        d1.close();
        d2.close();
    }

    /** Every task of a group (same table, or same query) must report the same result text (notes after " (" cut). */
    static void check(List<Task> tasks, String what, java.util.function.Function<Task, String> group) {
        Map<String, List<Task>> groups = new LinkedHashMap<>();
        tasks.forEach(t -> groups.computeIfAbsent(group.apply(t), k -> new ArrayList<>()).add(t));
        System.out.println();
        System.out.println("== equality check " + what);
        boolean ok = true;
        for (var e : groups.entrySet()) {
            Set<String> results = e.getValue().stream().map(t -> strip(String.valueOf(t.last.result())))
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            Set<Long> rows = e.getValue().stream().map(t -> t.last.rows()).collect(Collectors.toSet());
            boolean same = results.size() == 1 && rows.size() == 1;
            ok &= same;
            System.out.printf("  %-26s %s rows=%s %s%n", e.getKey(), same ? "SAME" : "DIFFERENT", rows,
                    same ? results.iterator().next() : e.getValue().stream()
                            .map(t -> t.engine + ": " + t.last.result()).collect(Collectors.joining(" | ")));
        }
        if (!ok) {
            System.out.println("!! ENGINES DISAGREE");
            System.exit(3);
        }
    }

    static String strip(String s) {
        int i = s.indexOf(" (touch");
        return i < 0 ? s : s.substring(0, i);
    }

    // ------------------------------------------------------------------------------------------------ A2: writes

    static long dirBytes(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".parquet"))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }

    /** Rows read with RowParquetReader and written with RowParquetWriter (ParquetOptions.WORK: zstd 1, v2 pages). */
    static Outcome rowRewrite(String table, Path out, ParquetOptions options) throws IOException {
        clean(out);
        TableDef def = SCHEMA.table(table);
        long rows = 0;
        int i = 0;
        for (Path f : parts(table)) {
            try (RowParquetReader r = RowParquetReader.open(f, def);
                 RowParquetWriter w = RowParquetWriter.open(out.resolve(String.format("part-%05d.parquet", i++)), def,
                         options)) {
                while (r.hasNext()) {
                    w.write(r.next());
                    rows++;
                }
            }
        }
        return new Outcome(rows, "rows " + rows);
    }

    /** arrow-dataset scan piped into DatasetFileWriter (native Parquet writer with Arrow C++ default properties). */
    static Outcome arrowRewrite(String table, Path out) throws Exception {
        clean(out);
        Files.delete(out); // the writer creates the directory and refuses to write into an existing file's data_0
        long[] rows = {0};
        try (FileSystemDatasetFactory factory = new FileSystemDatasetFactory(ARROW, NativeMemoryPool.getDefault(),
                FileFormat.PARQUET, uris(table));
             Dataset dataset = factory.finish();
             Scanner scanner = dataset.newScan(new ScanOptions(32_768));
             ArrowReader reader = scanner.scanBatches()) {
            ArrowReader counting = new CountingReader(reader, rows);
            DatasetFileWriter.write(ARROW, counting, FileFormat.PARQUET, out.toAbsolutePath().toUri().toString(),
                    new String[0], 1024, "part-{i}.parquet");
        }
        return new Outcome(rows[0], "rows " + rows[0]);
    }

    /** Delegates to a reader, counting rows. */
    static final class CountingReader extends ArrowReader {
        final ArrowReader in;
        final long[] rows;

        CountingReader(ArrowReader in, long[] rows) {
            super(ARROW);
            this.in = in;
            this.rows = rows;
        }

        @Override
        public boolean loadNextBatch() throws IOException {
            boolean more = in.loadNextBatch();
            if (more) {
                rows[0] += in.getVectorSchemaRoot().getRowCount();
            }
            return more;
        }

        @Override
        public VectorSchemaRoot getVectorSchemaRoot() throws IOException {
            return in.getVectorSchemaRoot();
        }

        @Override
        public long bytesRead() {
            return in.bytesRead();
        }

        @Override
        protected void closeReadSource() throws IOException {
            // the caller closes the delegate
        }

        @Override
        protected org.apache.arrow.vector.types.pojo.Schema readSchema() throws IOException {
            return in.getVectorSchemaRoot().getSchema();
        }
    }

    static Outcome duckRewrite(Connection c, String table, Path out, String options) throws Exception {
        clean(out);
        Path file = out.resolve("part-00000.parquet");
        try (Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_parquet('" + glob(table) + "')) TO '" + file + "' (" + options + ")");
        }
        long rows = asLong(query(c, "SELECT count(*) FROM read_parquet('" + file + "')").get(0).get(0));
        return new Outcome(rows, "rows " + rows);
    }

    static void a2(List<String> tables) throws Exception {
        Connection d1 = duck(1);
        Connection d2 = duck(2);
        String duckOptions = "FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, PARQUET_VERSION V2";
        List<Task> tasks = new ArrayList<>();
        Map<Task, Path> outputs = new LinkedHashMap<>();
        for (String t : tables) {
            Path base = scratch.resolve("a2").resolve(t);
            Task row = new Task("row-writer", "rewrite (read+write)", t,
                    () -> rowRewrite(t, base.resolve("row-work"), ParquetOptions.WORK));
            row.note = "ParquetOptions.WORK: zstd 1, v2 pages, 32 MB groups";
            Task arrow = new Task("arrow-dataset", "rewrite (read+write)", t, () -> arrowRewrite(t, base.resolve("arrow")));
            arrow.note = "DatasetFileWriter: no codec option";
            Task duck1 = new Task("duckdb-1thread", "rewrite (COPY)", t, () -> duckRewrite(d1, t, base.resolve("duck1"),
                    duckOptions));
            duck1.note = "zstd 1, v2 pages";
            Task duck2 = new Task("duckdb-2threads", "rewrite (COPY)", t, () -> duckRewrite(d2, t, base.resolve("duck2"),
                    duckOptions));
            duck2.note = "zstd 1, v2 pages";
            Task rowRel = new Task("row-writer", "rewrite (read+write)", t,
                    () -> rowRewrite(t, base.resolve("row-release"), ParquetOptions.RELEASE));
            rowRel.note = "ParquetOptions.RELEASE: zstd 3, v1 pages, 128 MB groups";
            Task duckRel = new Task("duckdb-2threads", "rewrite (COPY)", t, () -> duckRewrite(d2, t,
                    base.resolve("duck-release"), "FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 3"));
            duckRel.note = "zstd 3, v1 pages (DuckDB's default)";
            for (Task x : List.of(row, arrow, duck1, duck2, rowRel, duckRel)) {
                tasks.add(x);
            }
            outputs.put(row, base.resolve("row-work"));
            outputs.put(arrow, base.resolve("arrow"));
            outputs.put(duck1, base.resolve("duck1"));
            outputs.put(duck2, base.resolve("duck2"));
            outputs.put(rowRel, base.resolve("row-release"));
            outputs.put(duckRel, base.resolve("duck-release"));
        }
        runAll("A2", tasks);
        check(tasks, "A2 (rows written)", t -> t.table);
        System.out.printf("== section A2: process peak RSS (VmHWM) of the timed runs, before the output checks: %d MB%n",
                Math.max(sectionPeakMb, vmHwmMb()));
        if (!Boolean.parseBoolean(System.getProperty("checks", "true"))) {
            return;
        }
        System.out.println();
        System.out.println("== A2 outputs: size, codecs and page versions (read back with DuckDB parquet_metadata), "
                + "rows read back");
        System.out.printf("  %-24s %-16s %-9s %12s %12s  %s%n", "table", "engine", "options", "bytes", "input bytes",
                "codecs; check; encodings");
        for (var e : outputs.entrySet()) {
            Task t = e.getKey();
            if (!tasks.contains(t)) {
                continue;
            }
            Path dir = e.getValue();
            String files = dir.toAbsolutePath() + "/**/*.parquet";
            List<List<Object>> meta = query(d2, "SELECT string_agg(DISTINCT compression, ','), "
                    + "string_agg(DISTINCT encodings, ' | ') FROM parquet_metadata('" + files + "')");
            long back = asLong(query(d2, "SELECT count(*) FROM read_parquet('" + files + "')").get(0).get(0));
            // same row count and nothing of the input missing from the output: the same multiset of rows
            long missing = asLong(query(d2, "SELECT count(*) FROM (SELECT * FROM read_parquet('" + glob(t.table)
                    + "') EXCEPT ALL SELECT * FROM read_parquet('" + files + "'))").get(0).get(0));
            long in = parts(t.table).stream().mapToLong(p -> p.toFile().length()).sum();
            System.out.printf("  %-24s %-16s %-9s %,12d %,12d  %s; rows read back %,d, input rows missing %d%s; %s%n",
                    t.table, t.engine, t.engine.startsWith("arrow") ? "default" : t.note.startsWith("ParquetOptions.RELEASE")
                            || t.note.startsWith("zstd 3") ? "release" : "work", dirBytes(dir), in, meta.get(0).get(0), back, missing,
                    back == t.last.rows() && missing == 0 ? " (same rows)" : " !! MISMATCH",
                    abbreviate(String.valueOf(meta.get(0).get(1))));
            if (back != t.last.rows() || missing != 0) {
                System.exit(3);
            }
        }
        d1.close();
        d2.close();
    }

    // ------------------------------------------------------------------------------------------------ B: scans

    /** Person ids of the person table, in the QA key set the project uses for foreign keys. */
    static LongKeySet personKeys() {
        LongKeySet keys = new LongKeySet();
        TableDef person = SCHEMA.table("person");
        RowParquetReader.forEach(parts("person"), person, Set.of("person_id"), r -> keys.add(((Number) r.get(0)).longValue()));
        return keys.seal();
    }

    static long orphans(String table, LongKeySet keys, long[] rows) {
        TableDef def = SCHEMA.table(table);
        int pid = def.indexOf("person_id");
        long[] out = {0};
        RowParquetReader.forEach(parts(table), def, Set.of("person_id"), r -> {
            rows[0]++;
            if (!keys.contains(((Number) r.get(pid)).longValue())) {
                out[0]++;
            }
        });
        return out[0];
    }

    /** Person ids of persons born in 1970 or later: a smaller parent table, so that the check finds orphans. */
    static LongKeySet youngerPersonKeys() {
        LongKeySet keys = new LongKeySet();
        TableDef person = SCHEMA.table("person");
        int py = person.indexOf("year_of_birth");
        RowParquetReader.forEach(parts("person"), person, Set.of("person_id", "year_of_birth"), r -> {
            if (((Number) r.get(py)).intValue() >= 1970) {
                keys.add(((Number) r.get(0)).longValue());
            }
        });
        return keys.seal();
    }

    static Outcome javaFk() {
        LongKeySet keys = personKeys();
        LongKeySet younger = youngerPersonKeys();
        long[] rows = {0};
        long[] counts = new long[4];
        String[] tables = {"steps_intraday", "measurement"};
        for (int t = 0; t < 2; t++) {
            TableDef def = SCHEMA.table(tables[t]);
            int pid = def.indexOf("person_id");
            int k = t;
            RowParquetReader.forEach(parts(tables[t]), def, Set.of("person_id"), r -> {
                rows[0]++;
                long id = ((Number) r.get(pid)).longValue();
                if (!keys.contains(id)) {
                    counts[k]++;
                }
                if (!younger.contains(id)) {
                    counts[2 + k]++;
                }
            });
        }
        return new Outcome(rows[0], "orphans steps_intraday=" + counts[0] + " measurement=" + counts[1]
                + "; vs persons born>=1970: steps_intraday=" + counts[2] + " measurement=" + counts[3]);
    }

    static Outcome duckFk(Connection c) throws SQLException {
        String p = "read_parquet('" + glob("person") + "')";
        List<Object> r = query(c, "WITH p AS (SELECT person_id, year_of_birth >= 1970 AS younger FROM " + p + "), "
                + "s AS (SELECT count(*) AS n, count(*) FILTER (WHERE p.person_id IS NULL) AS orphans, "
                + "count(*) FILTER (WHERE p.younger IS NOT TRUE) AS orphans_younger FROM read_parquet('"
                + glob("steps_intraday") + "') x LEFT JOIN p ON x.person_id = p.person_id), "
                + "m AS (SELECT count(*) AS n, count(*) FILTER (WHERE p.person_id IS NULL) AS orphans, "
                + "count(*) FILTER (WHERE p.younger IS NOT TRUE) AS orphans_younger FROM read_parquet('"
                + glob("measurement") + "') x LEFT JOIN p ON x.person_id = p.person_id) "
                + "SELECT s.n + m.n, s.orphans, m.orphans, s.orphans_younger, m.orphans_younger FROM s, m").get(0);
        return new Outcome(asLong(r.get(0)), "orphans steps_intraday=" + asLong(r.get(1)) + " measurement="
                + asLong(r.get(2)) + "; vs persons born>=1970: steps_intraday=" + asLong(r.get(3)) + " measurement="
                + asLong(r.get(4)));
    }

    /** Per measurement_concept_id: records and distinct persons (persons as positions in a RoaringBitmap). */
    static Outcome javaConceptCounts() {
        TableDef def = SCHEMA.table("measurement");
        int ci = def.indexOf("measurement_concept_id");
        int pi = def.indexOf("person_id");
        IntObjectHashMap<long[]> counts = new IntObjectHashMap<>();
        IntObjectHashMap<RoaringBitmap> persons = new IntObjectHashMap<>();
        LongIntHashMap positions = new LongIntHashMap();
        long[] rows = {0};
        RowParquetReader.forEach(parts("measurement"), def, Set.of("measurement_concept_id", "person_id"), r -> {
            rows[0]++;
            int concept = ((Number) r.get(ci)).intValue();
            long person = ((Number) r.get(pi)).longValue();
            int pos = positions.getOrDefault(person, -1);
            if (pos < 0) {
                pos = positions.size();
                positions.put(person, pos);
            }
            long[] c = counts.get(concept);
            if (c == null) {
                counts.put(concept, c = new long[1]);
                persons.put(concept, new RoaringBitmap());
            }
            c[0]++;
            persons.get(concept).add(pos);
        });
        TreeMap<Integer, String> out = new TreeMap<>();
        for (var e : counts) {
            out.put(e.key, e.value[0] + "/" + persons.get(e.key).getCardinality());
        }
        return new Outcome(rows[0], digest(out));
    }

    static Outcome duckConceptCounts(Connection c) throws SQLException {
        TreeMap<Integer, String> out = new TreeMap<>();
        long rows = 0;
        for (List<Object> r : query(c, "SELECT measurement_concept_id, count(*), count(DISTINCT person_id) FROM "
                + "read_parquet('" + glob("measurement") + "') GROUP BY 1")) {
            out.put(((Number) r.get(0)).intValue(), asLong(r.get(1)) + "/" + asLong(r.get(2)));
            rows += asLong(r.get(1));
        }
        return new Outcome(rows, digest(out));
    }

    /** Wearable snapshot-like count on a large table: per person, minutes and distinct days with a reading. */
    static Outcome javaWearableCounts() {
        TableDef def = SCHEMA.table("heart_rate_minute_level");
        int pi = def.indexOf("person_id");
        int ti = def.indexOf("datetime");
        LongObjectHashMap<long[]> counts = new LongObjectHashMap<>();
        LongObjectHashMap<RoaringBitmap> days = new LongObjectHashMap<>();
        long[] rows = {0};
        long[] lastPerson = {Long.MIN_VALUE};
        long[][] lastCount = {null};
        RoaringBitmap[] lastDays = {null};
        RowParquetReader.forEach(parts("heart_rate_minute_level"), def, Set.of("person_id", "datetime"), r -> {
            rows[0]++;
            long person = ((Number) r.get(pi)).longValue();
            if (person != lastPerson[0]) {
                lastPerson[0] = person;
                long[] c = counts.get(person);
                if (c == null) {
                    counts.put(person, c = new long[1]);
                    days.put(person, new RoaringBitmap());
                }
                lastCount[0] = c;
                lastDays[0] = days.get(person);
            }
            lastCount[0][0]++;
            LocalDateTime t = r.getTimestamp(ti);
            lastDays[0].add((int) t.toLocalDate().toEpochDay());
        });
        TreeMap<Long, String> out = new TreeMap<>();
        for (var e : counts) {
            out.put(e.key, e.value[0] + "/" + days.get(e.key).getCardinality());
        }
        return new Outcome(rows[0], digest(out));
    }

    static Outcome duckWearableCounts(Connection c) throws SQLException {
        TreeMap<Long, String> out = new TreeMap<>();
        long rows = 0;
        for (List<Object> r : query(c, "SELECT person_id, count(*), count(DISTINCT CAST(datetime AS DATE)) FROM "
                + "read_parquet('" + glob("heart_rate_minute_level") + "') GROUP BY 1")) {
            out.put(asLong(r.get(0)), asLong(r.get(1)) + "/" + asLong(r.get(2)));
            rows += asLong(r.get(1));
        }
        return new Outcome(rows, digest(out));
    }

    /** A map printed as its size, a few first entries and a hash of all of it. */
    static String digest(TreeMap<?, String> m) {
        String head = m.entrySet().stream().limit(3).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        return "groups=" + m.size() + " first{" + head + "} hash=" + Integer.toHexString(m.toString().hashCode());
    }

    /** Measurements dated before the person's year of birth (join with person) and null counts of every column. */
    static Outcome javaAudit() {
        TableDef person = SCHEMA.table("person");
        LongIntHashMap yob = new LongIntHashMap();
        int py = person.indexOf("year_of_birth");
        RowParquetReader.forEach(parts("person"), person, Set.of("person_id", "year_of_birth"),
                r -> yob.put(((Number) r.get(0)).longValue(), ((Number) r.get(py)).intValue()));
        TableDef def = SCHEMA.table("measurement");
        int n = def.columnCount();
        long[] nulls = new long[n];
        int pi = def.indexOf("person_id");
        int di = def.indexOf("measurement_date");
        long[] rows = {0};
        long[] early = {0, 0};
        RowParquetReader.forEach(parts("measurement"), def, null, r -> {
            rows[0]++;
            for (int i = 0; i < n; i++) {
                if (r.isNull(i)) {
                    nulls[i]++;
                }
            }
            long pid = ((Number) r.get(pi)).longValue();
            if (yob.containsKey(pid)) {
                LocalDate d = r.getDate(di);
                if (d != null && d.getYear() < yob.get(pid)) {
                    early[0]++;
                }
                if (d != null && d.getYear() < yob.get(pid) + 40) {
                    early[1]++;
                }
            }
        });
        return new Outcome(rows[0], "before birth year=" + early[0] + " before birth year+40=" + early[1] + " nulls=" + Arrays.toString(nulls));
    }

    static Outcome duckAudit(Connection c) throws SQLException {
        TableDef def = SCHEMA.table("measurement");
        String nulls = def.columns().stream().map(col -> "count(*) - count(m.\"" + col.name() + "\")")
                .collect(Collectors.joining(", "));
        List<Object> r = query(c, "SELECT count(*), count(*) FILTER (WHERE year(m.measurement_date) < p.year_of_birth), "
                + "count(*) FILTER (WHERE year(m.measurement_date) < p.year_of_birth + 40), " + nulls + " FROM read_parquet('" + glob("measurement") + "') m LEFT JOIN read_parquet('"
                + glob("person") + "') p ON m.person_id = p.person_id").get(0);
        long[] counts = new long[def.columnCount()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = asLong(r.get(3 + i));
        }
        return new Outcome(asLong(r.get(0)), "before birth year=" + asLong(r.get(1)) + " before birth year+40="
                + asLong(r.get(2)) + " nulls=" + Arrays.toString(counts));
    }

    static void b() throws Exception {
        Connection d1 = duck(1);
        Connection d2 = duck(2);
        List<Task> tasks = new ArrayList<>();
        String fk = "steps_intraday+measurement";
        tasks.add(new Task("java-scan", "B1 FK person_id", fk, EngineEvaluation::javaFk));
        tasks.add(new Task("duckdb-1thread", "B1 FK person_id", fk, () -> duckFk(d1)));
        tasks.add(new Task("duckdb-2threads", "B1 FK person_id", fk, () -> duckFk(d2)));
        tasks.add(new Task("java-scan", "B2 per concept", "measurement", EngineEvaluation::javaConceptCounts));
        tasks.add(new Task("duckdb-1thread", "B2 per concept", "measurement", () -> duckConceptCounts(d1)));
        tasks.add(new Task("duckdb-2threads", "B2 per concept", "measurement", () -> duckConceptCounts(d2)));
        String hr = "heart_rate_minute_level";
        tasks.add(new Task("java-scan", "B2w per person, days", hr, EngineEvaluation::javaWearableCounts));
        tasks.add(new Task("duckdb-1thread", "B2w per person, days", hr, () -> duckWearableCounts(d1)));
        tasks.add(new Task("duckdb-2threads", "B2w per person, days", hr, () -> duckWearableCounts(d2)));
        tasks.add(new Task("java-scan", "B3 date<birth + nulls", "measurement+person", EngineEvaluation::javaAudit));
        tasks.add(new Task("duckdb-1thread", "B3 date<birth + nulls", "measurement+person", () -> duckAudit(d1)));
        tasks.add(new Task("duckdb-2threads", "B3 date<birth + nulls", "measurement+person", () -> duckAudit(d2)));
        runAll("B", tasks);
        check(tasks, "B (same numbers from the hand-written scan and from DuckDB)", t -> t.op);
        System.out.println();
        System.out.println("== B results in full");
        Set<String> seen = new java.util.HashSet<>();
        for (Task t : tasks) {
            if (seen.add(t.op)) {
                System.out.println("  " + t.op + " (" + t.table + ", " + t.last.rows() + " rows): " + t.last.result());
            }
        }
        d1.close();
        d2.close();
    }
}
