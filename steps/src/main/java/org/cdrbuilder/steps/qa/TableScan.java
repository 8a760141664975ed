package org.cdrbuilder.steps.qa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.qa.ConceptProbe;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.ProbeGroup;
import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.core.qa.QaReport;
import org.cdrbuilder.core.qa.QaThresholds;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.qa.facts.FactCollector;

import com.carrotsearch.hppc.IntObjectHashMap;

/**
 * The single pass over one table: decodes the union of the columns its probes and fact collectors need, hands every
 * row to each of them, then publishes the facts and evaluates each probe. A probe that throws is reported as an
 * error result and fed no more rows; the others go on.
 */
final class TableScan {
    /** Rows handed to each probe at a time. */
    private static final int BATCH = 256;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final TableDef table;
    private final List<Planned> probes;
    private final List<FactCollector> collectors;

    TableScan(TableDef table, List<Planned> probes, List<FactCollector> collectors) {
        this.table = table;
        this.probes = List.copyOf(probes);
        this.collectors = List.copyOf(collectors);
    }

    TableDef table() {
        return table;
    }

    /** Tables whose facts this scan's probes read (other than its own). */
    Set<String> requires() {
        Set<String> out = new HashSet<>();
        probes.forEach(p -> out.addAll(p.requires()));
        out.remove(table.name());
        return out;
    }

    /** Runs the scan; appends results and the table's timing. */
    void run(List<Path> files, EngineContext ctx, QaThresholds thresholds, List<CheckResult> results,
             List<QaReport.TableTiming> timings) {
        long t0 = System.nanoTime();
        long cpu0 = CPU.getCurrentThreadCpuTime();
        int n = probes.size();
        Planned[] active = new Planned[n];
        String[] errors = new String[n];
        for (int i = 0; i < n; i++) {
            Planned p = probes.get(i);
            try {
                p.start(ctx);
                active[i] = p;
            } catch (RuntimeException e) {
                errors[i] = describe(e);
            }
        }
        FactCollector[] facts = collectors.toArray(new FactCollector[0]);
        int[] plain = IntStream.range(0, n).filter(i -> !(probes.get(i).probe() instanceof ConceptProbe)).toArray();
        ConceptDispatch[] byConcept = ConceptDispatch.of(table, probes);
        long rows = 0;
        Set<String> projection = projection();
        Row[] batch = new Row[BATCH];
        int filled = 0;
        for (Path f : files) {
            for (FactCollector c : facts) {
                c.startFile(f);
            }
            try (RowParquetReader r = RowParquetReader.open(f, table, projection)) {
                while (r.hasNext()) {
                    batch[filled++] = r.next();
                    if (filled == BATCH) {
                        feed(batch, filled, rows, facts, plain, byConcept, active, errors);
                        rows += filled;
                        filled = 0;
                    }
                }
            }
            // a batch never spans two files: collectors are told where each file starts
            feed(batch, filled, rows, facts, plain, byConcept, active, errors);
            rows += filled;
            filled = 0;
        }
        for (FactCollector c : facts) {
            c.publish(ctx.facts());
        }
        for (int i = 0; i < n; i++) {
            if (active[i] != null) {
                try {
                    active[i].finish(ctx);
                } catch (RuntimeException e) {
                    errors[i] = describe(e);
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<CheckResult> out = new ArrayList<>();
        int checks = 0;
        for (int i = 0; i < n; i++) {
            out.addAll(probes.get(i).results(thresholds, errors[i], seconds));
            checks += probes.get(i).checks();
        }
        QaReport.TableTiming timing = new QaReport.TableTiming();
        timing.cdmTableName = table.name();
        timing.rows = rows;
        timing.checks = checks;
        timing.seconds = Math.round(seconds * 1000) / 1000.0;
        timing.cpuSeconds = Math.round((CPU.getCurrentThreadCpuTime() - cpu0) / 1e6) / 1000.0;
        synchronized (results) {
            results.addAll(out);
            timings.add(timing);
        }
    }

    /**
     * Hands a batch of rows to the collectors and probes, one probe at a time over the whole batch: each probe's code
     * and counters stay hot while it runs, which costs far less than switching between probes at every row.
     */
    private static void feed(Row[] batch, int count, long before, FactCollector[] facts, int[] plain,
                             ConceptDispatch[] byConcept, Planned[] active, String[] errors) {
        for (FactCollector c : facts) {
            for (int j = 0; j < count; j++) {
                c.accept(batch[j]);
            }
        }
        for (int i : plain) {
            Planned p = active[i];
            if (p == null) {
                continue;
            }
            int j = 0;
            try {
                Probe probe = p.probe();
                if (probe != null) {
                    for (; j < count; j++) {
                        probe.accept(batch[j]);
                    }
                } else {
                    ProbeGroup group = p.group();
                    for (; j < count; j++) {
                        group.accept(batch[j]);
                    }
                }
            } catch (RuntimeException e) {
                errors[i] = describe(e) + " (row " + (before + j + 1) + ")";
                active[i] = null;
            }
        }
        for (ConceptDispatch d : byConcept) {
            for (int j = 0; j < count; j++) {
                for (int i : d.probes(batch[j])) {
                    Planned p = active[i];
                    if (p != null) {
                        try {
                            p.accept(batch[j]);
                        } catch (RuntimeException e) {
                            errors[i] = describe(e) + " (row " + (before + j + 1) + ")";
                            active[i] = null;
                        }
                    }
                }
            }
        }
    }

    /** The concept probes of one column, by concept id. */
    private record ConceptDispatch(int column, IntObjectHashMap<int[]> byConcept) {
        private static final int[] NONE = new int[0];

        static ConceptDispatch[] of(TableDef table, List<Planned> probes) {
            Map<String, IntObjectHashMap<int[]>> m = new LinkedHashMap<>();
            for (int i = 0; i < probes.size(); i++) {
                if (probes.get(i).probe() instanceof ConceptProbe cp) {
                    IntObjectHashMap<int[]> byId = m.computeIfAbsent(cp.conceptColumn(), k -> new IntObjectHashMap<>());
                    int[] old = byId.getOrDefault(cp.conceptId(), NONE);
                    int[] grown = Arrays.copyOf(old, old.length + 1);
                    grown[old.length] = i;
                    byId.put(cp.conceptId(), grown);
                }
            }
            return m.entrySet().stream().map(e -> new ConceptDispatch(table.indexOf(e.getKey()), e.getValue()))
                    .toArray(ConceptDispatch[]::new);
        }

        int[] probes(Row row) {
            return row.get(column) instanceof Integer c ? byConcept.getOrDefault(c, NONE) : NONE;
        }
    }

    private Set<String> projection() {
        Set<String> cols = new HashSet<>();
        probes.forEach(p -> cols.addAll(p.columns()));
        collectors.forEach(c -> cols.addAll(c.columns()));
        if (cols.isEmpty()) {
            cols.add(table.column(0).name());
        }
        return cols;
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
