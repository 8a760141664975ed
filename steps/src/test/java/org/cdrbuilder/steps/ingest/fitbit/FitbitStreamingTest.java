package org.cdrbuilder.steps.ingest.fitbit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.steps.ingest.IngestSink;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A month of minute heart rate in one body (30 days x 1440 points): every point is dated and valued right, and rows
 * reach the sink while the file is still being written, which a reader that collected the points first could not do.
 */
class FitbitStreamingTest {
    static final int DAYS = 30;
    static final int MINUTES = 1440;
    static final LocalDate START = LocalDate.of(2023, 12, 17);

    @TempDir
    Path tmp;

    /** The heart rate of minute {@code k} of the month: varies, and says where it came from. */
    static int bpm(int k) {
        return 40 + k % 150;
    }

    /** Writes the body; {@code afterFirstDay} runs once the first day's points are written and flushed. */
    static void writeMonth(Writer w, Runnable afterFirstDay) throws IOException {
        w.write("{\"activities-heart\": [");
        for (int d = 0; d < DAYS; d++) {
            w.write((d == 0 ? "" : ",") + "\n {\"dateTime\": \"" + START.plusDays(d) + "\", \"heartRateZones\": ["
                    + "{\"name\": \"Out of Range\", \"min\": 30, \"max\": 94, \"minutes\": " + (1000 + d)
                    + ", \"caloriesOut\": 1200.5}], \"value\": {\"restingHeartRate\": 60}}");
        }
        w.write("],\n \"activities-heart-intraday\": {\"dataset\": [");
        for (int k = 0; k < DAYS * MINUTES; k++) {
            int minute = k % MINUTES;
            w.write(String.format("%s\n  {\"time\": \"%02d:%02d:00\", \"value\": %d}", k == 0 ? "" : ",",
                    minute / 60, minute % 60, bpm(k)));
            if (k == MINUTES - 1) {
                w.flush();
                afterFirstDay.run();
            }
        }
        w.write("\n ], \"datasetInterval\": 1, \"datasetType\": \"minute\"}}\n");
        w.flush();
    }

    /** Checks every row as it arrives and keeps only counts. */
    static final class CheckingSink implements IngestSink {
        private final Runnable afterMinuteRow;
        long minutes;
        long zones;
        long quarantined;
        Row last;

        CheckingSink(Runnable afterMinuteRow) {
            this.afterMinuteRow = afterMinuteRow;
        }

        @Override
        public void accept(Row row) {
            if (row.table().name().equals("heart_rate_summary")) {
                assertThat(row.get("date")).isEqualTo(START.plusDays(zones));
                assertThat(row.get("minute_in_zone")).isEqualTo((int) (1000 + zones));
                zones++;
                return;
            }
            int k = (int) minutes;
            assertThat(row.get("datetime")).isEqualTo(START.atStartOfDay().plusMinutes(k));
            assertThat(row.get("heart_rate_value")).isEqualTo(bpm(k));
            minutes++;
            last = row;
            afterMinuteRow.run();
        }

        @Override
        public void quarantine(String table, Long line, String pointer, Violation violation) {
            quarantined++;
        }

        @Override
        public long nextLocalId(String table) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void monthOfMinutes_everyPointDatedAcrossMidnights() throws IOException {
        Path file = tmp.resolve("heart-month.json");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeMonth(w, () -> { });
        }
        CheckingSink sink = new CheckingSink(() -> { });

        new FitbitReader().read(file, 9L, sink);

        assertThat(sink.quarantined).isZero();
        assertThat(sink.zones).isEqualTo(DAYS);
        assertThat(sink.minutes).isEqualTo(DAYS * MINUTES);
        assertThat(sink.last.get("datetime")).isEqualTo(LocalDateTime.of(2024, 1, 15, 23, 59));
        assertThat(sink.last.get("person_id")).isEqualTo(9L);
    }

    @Test
    @Timeout(120)
    void rowsReachTheSinkBeforeTheFileIsComplete() throws Exception {
        Path fifo = tmp.resolve("heart-stream.json");
        Assumptions.assumeTrue(mkfifo(fifo), "SKIPPED: mkfifo is not available on this system");
        CountDownLatch firstMinuteRow = new CountDownLatch(1);
        AtomicBoolean rowWhileWriterWaited = new AtomicBoolean();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(fifo), StandardCharsets.UTF_8))) {
                // the other 29 days are written only once a row of the first day has arrived (or 30 s passed)
                writeMonth(w, () -> rowWhileWriterWaited.set(await(firstMinuteRow)));
            } catch (IOException | RuntimeException e) {
                writerFailure.set(e);
            }
        }, "fitbit-fifo-writer");
        writer.start();
        CheckingSink sink = new CheckingSink(firstMinuteRow::countDown);

        new FitbitReader().read(fifo, 9L, sink);
        writer.join();

        assertThat(writerFailure.get()).isNull();
        assertThat(rowWhileWriterWaited).as("a minute row arrived while 29 of 30 days were still unwritten").isTrue();
        assertThat(sink.minutes).isEqualTo(DAYS * MINUTES);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean mkfifo(Path path) {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
