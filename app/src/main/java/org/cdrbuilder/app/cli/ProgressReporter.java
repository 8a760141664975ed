package org.cdrbuilder.app.cli;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.cdrbuilder.core.stage.Progress;

/** Prints the running stage's progress every few seconds: units done, and rows and rows/s of the busiest tables. */
final class ProgressReporter implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final Progress progress;
    private final PrintStream out;
    private Map<String, Long> lastRows = Map.of();
    private long lastNanos = System.nanoTime();
    private String lastStage = "";

    ProgressReporter(Progress progress, PrintStream out, int intervalSeconds) {
        this.progress = progress;
        this.out = out;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cdr-progress");
            t.setDaemon(true);
            return t;
        });
        if (intervalSeconds > 0) {
            timer.scheduleAtFixedRate(this::report, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        }
    }

    private synchronized void report() {
        String stage = progress.stage();
        if (stage.isEmpty()) {
            return;
        }
        Map<String, Long> rows = progress.rows();
        long now = System.nanoTime();
        double secs = (now - lastNanos) / 1e9;
        if (!stage.equals(lastStage)) {
            lastRows = Map.of();
            lastStage = stage;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-10s %d/%d units", stage, progress.unitsDone(), progress.unitsTotal()));
        rows.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(4)
                .forEach(e -> {
                    long delta = e.getValue() - lastRows.getOrDefault(e.getKey(), 0L);
                    sb.append(String.format("  %s %s rows (%s rows/s)", e.getKey(), Summary.human(e.getValue()),
                            Summary.human((long) (delta / Math.max(secs, 1e-3)))));
                });
        out.println(sb);
        lastRows = rows;
        lastNanos = now;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
