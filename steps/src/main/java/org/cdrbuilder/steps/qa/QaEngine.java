package org.cdrbuilder.steps.qa;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.ProbeGroup;
import org.cdrbuilder.core.qa.QaCheck;
import org.cdrbuilder.core.qa.QaOverview;
import org.cdrbuilder.core.qa.QaReport;
import org.cdrbuilder.core.qa.QaSettings;
import org.cdrbuilder.core.qa.QaThresholds;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.qa.facts.DeathIndex;
import org.cdrbuilder.steps.qa.facts.FactCollector;
import org.cdrbuilder.steps.qa.facts.KeyCollector;
import org.cdrbuilder.steps.qa.facts.PersonIndex;
import org.cdrbuilder.steps.qa.facts.VisitIndex;

/**
 * Runs every check on every table of the configured groups with one pass per table. Each check type plans probes
 * on a table; a table's scan starts once the scans of the tables its probes require (persons, deaths, visits,
 * referenced keys) have finished, and independent scans run in parallel. Facts those scans collect are compact
 * (primitive maps and bitmaps): memory grows with persons and visits, not with clinical rows.
 */
public final class QaEngine {
    private final List<QaCheck> checks;
    private final QaThresholds thresholds;
    private final QaSettings settings;
    private final Path configDir;
    private final int threads;

    /**
     * @param configDir the QA configuration directory (check parameter tables)
     * @param threads tables scanned at once
     */
    public QaEngine(List<QaCheck> checks, QaThresholds thresholds, QaSettings settings, Path configDir, int threads) {
        this.checks = QaCatalog.validated(checks);
        this.thresholds = requireNonNull(thresholds, "thresholds is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.configDir = requireNonNull(configDir, "configDir is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        this.threads = threads;
    }

    /** The engine over the checks on the class path, configured from {@code configDir}. */
    public static QaEngine fromConfig(Path configDir, int threads) {
        List<QaCheck> checks = QaCatalog.discover();
        return new QaEngine(checks, QaThresholds.read(configDir, QaCatalog.configuredNames(checks)),
                QaSettings.read(configDir), configDir, threads);
    }

    public QaThresholds thresholds() {
        return thresholds;
    }

    public QaSettings settings() {
        return settings;
    }

    /** Tables of the configured groups, in schema order. */
    public List<TableDef> tables(CdrSchema schema) {
        return schema.tables().stream()
                .filter(t -> settings.tableGroups.contains(t.group().name().toLowerCase(Locale.ROOT))).toList();
    }

    public Path configDir() {
        return configDir;
    }

    /** Checks the tables of {@code source}; the report has results, overview and timings (no metadata yet). */
    public QaReport run(TableSource source, CdrSchema schema, Supplier<Vocabulary> vocabulary, LocalDate cutoff) {
        return run(source, schema, vocabulary, cutoff, List.of());
    }

    /**
     * Checks the tables of {@code source}, also feeding {@code observers} (collectors of other facts, such as the
     * release profile) from the same scans.
     */
    public QaReport run(TableSource source, CdrSchema schema, Supplier<Vocabulary> vocabulary, LocalDate cutoff,
                        List<FactCollector> observers) {
        Instant start = Instant.now();
        List<TableDef> tables = tables(schema);
        EngineContext ctx = new EngineContext(schema, vocabulary, cutoff, configDir, settings, tables);
        Map<String, TableScan> scans = plan(ctx, tables, observers);
        List<CheckResult> results = new ArrayList<>();
        List<QaReport.TableTiming> timings = new ArrayList<>();
        // Largest ready scan first: the Fitbit minute tables are most of the rows, and a big scan that starts last
        // runs alone on one core at the end while the others wait.
        ExecutorService pool = new java.util.concurrent.ThreadPoolExecutor(threads, threads, 0L,
                java.util.concurrent.TimeUnit.MILLISECONDS, new java.util.concurrent.PriorityBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "cdr-qa-scan");
                    t.setDaemon(true);
                    return t;
                });
        try {
            Map<String, CompletableFuture<Void>> done = new HashMap<>();
            for (String name : order(scans)) {
                TableScan s = scans.get(name);
                List<Path> parts = source.parts(s.table());
                long bytes = ScanTask.bytes(parts);
                CompletableFuture<?>[] deps = s.requires().stream().map(done::get).toArray(CompletableFuture[]::new);
                CompletableFuture<Void> finished = new CompletableFuture<>();
                CompletableFuture.allOf(deps).whenComplete((v, failure) -> {
                    if (failure != null) {
                        finished.completeExceptionally(failure);
                        return;
                    }
                    pool.execute(new ScanTask(bytes, name, () -> {
                        try {
                            s.run(parts, ctx, thresholds, results, timings);
                            finished.complete(null);
                        } catch (RuntimeException | Error e) {
                            finished.completeExceptionally(e);
                        }
                    }));
                });
                done.put(name, finished);
            }
            CompletableFuture.allOf(done.values().toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        } finally {
            pool.shutdownNow();
        }
        QaReport report = new QaReport();
        results.sort(order(schema));
        timings.sort(Comparator.comparingInt(t -> tables.indexOf(schema.table(t.cdmTableName))));
        report.checkResults.addAll(results);
        report.timings.addAll(timings);
        report.overview = QaOverview.of(results);
        Instant end = Instant.now();
        report.startTimestamp = start.toString();
        report.endTimestamp = end.toString();
        report.executionTimeSeconds = Math.round((end.toEpochMilli() - start.toEpochMilli()) / 10.0) / 100.0;
        report.executionTime = String.format(Locale.ROOT, "%.2f secs", report.executionTimeSeconds);
        return report;
    }

    private Map<String, TableScan> plan(EngineContext ctx, List<TableDef> tables, List<FactCollector> observers) {
        Map<String, List<FactCollector>> collectors = collectors(ctx, tables);
        for (FactCollector o : observers) {
            if (!ctx.scanned(o.table())) {
                throw new IllegalArgumentException("observer of a table that is not scanned: " + o.table());
            }
            collectors.computeIfAbsent(o.table(), k -> new ArrayList<>()).add(o);
        }
        Map<String, TableScan> scans = new LinkedHashMap<>();
        for (TableDef t : tables) {
            List<Planned> probes = new ArrayList<>();
            for (QaCheck c : checks) {
                ProbeGroup g = c.group(t, ctx);
                if (g != null) {
                    g.members().forEach(m -> checkName(c, m.key()));
                    probes.add(Planned.group(c.type(), g));
                }
                for (Probe p : c.plan(t, ctx)) {
                    checkName(c, p.key());
                    for (String required : p.requires()) {
                        if (!ctx.scanned(required)) {
                            throw new IllegalStateException(p.key() + " requires " + required + ", which is not scanned");
                        }
                    }
                    probes.add(Planned.probe(c.type(p.key().level()), p));
                }
            }
            scans.put(t.name(), new TableScan(t, probes, collectors.getOrDefault(t.name(), List.of())));
        }
        return scans;
    }

    private static void checkName(QaCheck c, org.cdrbuilder.core.qa.CheckKey key) {
        if (!key.checkName().equals(c.type().name())) {
            throw new IllegalStateException(c.getClass().getName() + " planned a check of " + key);
        }
    }

    /** Fact collectors per table: persons, deaths, visits, and every other key a scanned table references. */
    private static Map<String, List<FactCollector>> collectors(EngineContext ctx, List<TableDef> tables) {
        Map<String, List<FactCollector>> out = new HashMap<>();
        List<FactCollector> all = new ArrayList<>();
        if (ctx.scanned("person")) {
            all.add(new PersonIndex());
        }
        if (ctx.scanned("death")) {
            all.add(new DeathIndex());
        }
        if (ctx.scanned("visit_occurrence")) {
            all.add(new VisitIndex());
        }
        Set<String> keys = new HashSet<>();
        for (TableDef t : tables) {
            for (ColumnDef c : t.columns()) {
                c.references().ifPresent(fk -> {
                    boolean byFacts = Set.of("concept", "person", "visit_occurrence").contains(fk.table());
                    if (!byFacts && ctx.scanned(fk.table()) && keys.add(fk.table() + "." + fk.column())) {
                        all.add(new KeyCollector(fk.table(), fk.column()));
                    }
                });
            }
        }
        all.forEach(c -> out.computeIfAbsent(c.table(), k -> new ArrayList<>()).add(c));
        return out;
    }

    /** Scan names so that every scan comes after those it requires; a cycle is a planning bug. */
    private static List<String> order(Map<String, TableScan> scans) {
        List<String> out = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        Set<String> visited = new HashSet<>();
        for (String s : scans.keySet()) {
            visit(s, scans, visiting, visited, out);
        }
        return out;
    }

    private static void visit(String s, Map<String, TableScan> scans, Set<String> visiting, Set<String> visited,
                              List<String> out) {
        if (visited.contains(s)) {
            return;
        }
        if (!visiting.add(s)) {
            throw new IllegalStateException("QA checks require each other's tables in a cycle through " + s);
        }
        for (String r : scans.get(s).requires()) {
            visit(r, scans, visiting, visited, out);
        }
        visiting.remove(s);
        visited.add(s);
        out.add(s);
    }

    private static Comparator<CheckResult> order(CdrSchema schema) {
        Map<String, Integer> tablePos = new HashMap<>();
        List<TableDef> all = schema.tables();
        for (int i = 0; i < all.size(); i++) {
            tablePos.put(all.get(i).name(), i);
        }
        return Comparator.<CheckResult>comparingInt(r -> tablePos.getOrDefault(r.cdmTableName, -1))
                .thenComparingInt(r -> r.cdmFieldName == null ? -1 : schema.table(r.cdmTableName).indexOfOrMinus1(r.cdmFieldName))
                .thenComparing(r -> r.checkName)
                .thenComparing(r -> r.conceptId == null ? Integer.MIN_VALUE : r.conceptId)
                .thenComparing(r -> r.unitConceptId == null ? Integer.MIN_VALUE : r.unitConceptId);
    }

    /** A table's scan in the pool's queue, ordered by the bytes it reads (largest first, then by table name). */
    private record ScanTask(long bytes, String table, Runnable scan) implements Runnable, Comparable<ScanTask> {
        @Override
        public void run() {
            scan.run();
        }

        @Override
        public int compareTo(ScanTask o) {
            int c = Long.compare(o.bytes, bytes);
            return c != 0 ? c : table.compareTo(o.table);
        }

        static long bytes(List<Path> parts) {
            long n = 0;
            for (Path p : parts) {
                try {
                    n += java.nio.file.Files.size(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot read the size of " + p, e);
                }
            }
            return n;
        }
    }
}
