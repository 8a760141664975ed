package org.cdrbuilder.core.stage;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of the running stage, read by a reporter that prints rows and rows/s per table. Units add rows as
 * they stream; counting is cheap (striped adders).
 */
public final class Progress {
    private volatile String stage = "";
    private volatile long stageStartNanos = System.nanoTime();
    private final Map<String, LongAdder> rows = new ConcurrentHashMap<>();
    private final AtomicInteger unitsDone = new AtomicInteger();
    private volatile int unitsTotal;

    public void startStage(String name, int units) {
        stage = name;
        stageStartNanos = System.nanoTime();
        rows.clear();
        unitsDone.set(0);
        unitsTotal = units;
    }

    public void rows(String table, long n) {
        rows.computeIfAbsent(table, k -> new LongAdder()).add(n);
    }

    public void unitDone() {
        unitsDone.incrementAndGet();
    }

    public String stage() {
        return stage;
    }

    public int unitsDone() {
        return unitsDone.get();
    }

    public int unitsTotal() {
        return unitsTotal;
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - stageStartNanos) / 1e9;
    }

    /** Rows so far per table, sorted by table name. */
    public Map<String, Long> rows() {
        Map<String, Long> m = new TreeMap<>();
        rows.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }
}
