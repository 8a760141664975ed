package org.cdrbuilder.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Writes Fitbit Web API response bodies, one file per endpoint per day, in {@code fitbit/P<number>/}: heart rate
 * (daily zones and 1-minute intraday while the device is worn), steps (1-minute intraday, every minute of the day),
 * the daily activity summary, sleep (the {@code stages} type mostly, {@code classic} for older devices), and the
 * devices list. Each body is streamed to its file as it is produced.
 */
final class FitbitWriter {
    private static final String[] ZONES = {"Out of Range", "Fat Burn", "Cardio", "Peak"};
    private static final java.time.format.DateTimeFormatter SECONDS =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** Days of history a planted device synced from before the participant's primary consent. */
    static final int DAYS_BEFORE_CONSENT = 2;
    static final String UNKNOWN_LEVEL = "unknown";

    private final Path dir;
    private final GeneratorSettings settings;

    FitbitWriter(Path drop, GeneratorSettings settings) {
        this.dir = drop.resolve("fitbit");
        this.settings = settings;
    }

    /** Writes the participant's Fitbit data, if any, and the participant's planted Fitbit problem. */
    void write(SyntheticPerson p, ParticipantOutcome o, SplittableRandom r) {
        boolean plantedHere = p.needs(RowProblem.Source.FITBIT);
        if (settings.fitbitDays() == 0 || (r.nextDouble() >= settings.fitbitShare() && !plantedHere)) {
            return;
        }
        Path folder = dir.resolve(p.participantId());
        LocalDate last = settings.cutoff().minusDays(1 + r.nextInt(20));
        LocalDate first = last.minusDays(settings.fitbitDays() - 1L);
        boolean stages = r.nextDouble() < 0.7;
        String deviceId = Long.toString(1_000_000_000L + (p.number * 7919L) % 999_999_999L);
        write(folder.resolve("devices.json"), "[{\"battery\":\"High\",\"batteryLevel\":\"" + (40 + r.nextInt(60))
                + "\",\"deviceVersion\":\"" + (stages ? "Charge 5" : "Inspire") + "\",\"features\":[],\"id\":\"" + deviceId
                + "\",\"lastSyncTime\":\"" + last.atTime(21, r.nextInt(60), r.nextInt(60)).format(SECONDS)
                + ".000\",\"type\":\"TRACKER\"}]\n");
        o.row("device", last, RowProblem.Source.FITBIT);
        if (plantedHere && p.problem == RowProblem.FITBIT_BEFORE_CONSENT) {
            // the account synced history from before the participant joined
            o.plantedFor("fitbit_outside_consent_window", () -> {
                for (int i = DAYS_BEFORE_CONSENT; i > 0; i--) {
                    day(folder, p.consentDate.minusDays(i), stages, false, r, o);
                }
            });
        }
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            day(folder, d, stages, plantedHere && p.problem == RowProblem.FITBIT_UNKNOWN_SLEEP_LEVEL && d.equals(first),
                    r, o);
        }
    }

    private void day(Path folder, LocalDate d, boolean stages, boolean unknownLevel, SplittableRandom r,
                     ParticipantOutcome o) {
        heart(folder, d, unknownLevel, r, o); // the day of the unknown sleep level also has an impossible heart rate
        int steps = steps(folder, d, r, o);
        summary(folder, d, steps, r, o);
        sleep(folder, d, stages, unknownLevel, r, o);
    }

    private void heart(Path folder, LocalDate d, boolean implausible, SplittableRandom r, ParticipantOutcome o) {
        int rest = 55 + r.nextInt(20);
        StringBuilder sb = new StringBuilder(32_000);
        sb.append("{\"activities-heart\":[{\"dateTime\":\"").append(d).append("\",\"value\":{\"customHeartRateZones\":[],")
                .append("\"heartRateZones\":[");
        int[] bounds = {30, 94, 131, 159, 220};
        for (int z = 0; z < 4; z++) {
            if (z > 0) {
                sb.append(',');
            }
            sb.append("{\"caloriesOut\":").append(Math.round(r.nextDouble() * 150000) / 100.0).append(",\"max\":")
                    .append(bounds[z + 1]).append(",\"min\":").append(bounds[z]).append(",\"minutes\":")
                    .append(z == 0 ? 900 + r.nextInt(300) : r.nextInt(60)).append(",\"name\":\"").append(ZONES[z]).append("\"}");
        }
        sb.append("],\"restingHeartRate\":").append(rest).append("}}],\"activities-heart-intraday\":{\"dataset\":[");
        int wakeFrom = 6 * 60 + r.nextInt(120);
        int wakeTo = 21 * 60 + r.nextInt(150);
        int n = 0;
        int hr = rest + 10;
        for (int m = wakeFrom; m < wakeTo; m++) {
            if (r.nextInt(20) == 0) {
                continue; // device off the wrist for a minute
            }
            hr = Math.max(45, Math.min(185, hr + r.nextInt(7) - 3));
            if (n > 0) {
                sb.append(',');
            }
            // a device error planted once: a negative heart rate (fitbit_values_implausible)
            int value = implausible && n == 10 ? -50 : hr;
            sb.append("{\"time\":\"").append(time(m)).append("\",\"value\":").append(value).append('}');
            n++;
        }
        sb.append("],\"datasetInterval\":1,\"datasetType\":\"minute\"}}\n");
        write(folder.resolve("activities-heart-" + d + ".json"), sb.toString());
        count(o, "heart_rate_summary", 4, d);
        if (implausible && n > 10) {
            count(o, "heart_rate_minute_level", n - 1, d);
            o.plantedFor("fitbit_values_implausible",
                    () -> o.row("heart_rate_minute_level", d, RowProblem.Source.FITBIT, "fitbit_values_implausible"));
        } else {
            count(o, "heart_rate_minute_level", n, d);
        }
    }

    private int steps(Path folder, LocalDate d, SplittableRandom r, ParticipantOutcome o) {
        StringBuilder sb = new StringBuilder(40_000);
        StringBuilder data = new StringBuilder(36_000);
        int total = 0;
        for (int m = 0; m < 1440; m++) {
            int s = m < 6 * 60 || m > 22 * 60 ? 0 : r.nextInt(10) < 6 ? 0 : r.nextInt(120);
            total += s;
            if (m > 0) {
                data.append(',');
            }
            data.append("{\"time\":\"").append(time(m)).append("\",\"value\":").append(s).append('}');
        }
        sb.append("{\"activities-steps\":[{\"dateTime\":\"").append(d).append("\",\"value\":\"").append(total)
                .append("\"}],\"activities-steps-intraday\":{\"dataset\":[").append(data)
                .append("],\"datasetInterval\":1,\"datasetType\":\"minute\"}}\n");
        write(folder.resolve("activities-steps-" + d + ".json"), sb.toString());
        count(o, "steps_intraday", 1440, d);
        return total;
    }

    private void summary(Path folder, LocalDate d, int steps, SplittableRandom r, ParticipantOutcome o) {
        int sedentary = 600 + r.nextInt(300);
        String body = "{\"activities\":[],\"goals\":{\"activeMinutes\":30,\"caloriesOut\":2500,\"distance\":8.05,"
                + "\"floors\":10,\"steps\":10000},\"summary\":{\"activityCalories\":" + (800 + r.nextInt(900))
                + ",\"caloriesBMR\":" + (1400 + r.nextInt(400)) + ",\"caloriesOut\":" + (2000 + r.nextInt(1200))
                + ",\"elevation\":" + (r.nextInt(300) / 10.0) + ",\"fairlyActiveMinutes\":" + r.nextInt(40)
                + ",\"floors\":" + r.nextInt(20) + ",\"lightlyActiveMinutes\":" + (100 + r.nextInt(150))
                + ",\"marginalCalories\":" + (300 + r.nextInt(400)) + ",\"sedentaryMinutes\":" + sedentary
                + ",\"steps\":" + steps + ",\"veryActiveMinutes\":" + r.nextInt(60) + "}}\n";
        write(folder.resolve("activities-" + d + ".json"), body);
        count(o, "activity_summary", 1, d);
    }

    private void sleep(Path folder, LocalDate d, boolean stages, boolean unknownLevel, SplittableRandom r,
                       ParticipantOutcome o) {
        LocalDateTime start = d.minusDays(1).atTime(22, 0).plusMinutes(r.nextInt(120));
        String[] levels = stages ? new String[] {"light", "deep", "rem", "wake"} : new String[] {"asleep", "restless", "awake"};
        int[] minutes = new int[levels.length];
        int[] counts = new int[levels.length];
        StringBuilder data = new StringBuilder(4096);
        LocalDateTime t = start;
        int segments = 18 + r.nextInt(14);
        for (int i = 0; i < segments; i++) {
            int li = stages ? r.nextInt(4) : (r.nextInt(10) < 8 ? 0 : 1 + r.nextInt(2));
            int secs = (1 + r.nextInt(30)) * 60;
            if (i > 0) {
                data.append(',');
            }
            boolean unknown = unknownLevel && i == segments / 2;
            data.append("{\"dateTime\":\"").append(t).append(":00.000\",\"level\":\"")
                    .append(unknown ? UNKNOWN_LEVEL : levels[li]).append("\",\"seconds\":").append(secs).append('}');
            if (!unknown) {
                minutes[li] += secs / 60;
                counts[li]++;
            }
            t = t.plusSeconds(secs);
        }
        int inBed = (int) java.time.Duration.between(start, t).toMinutes();
        int awake = stages ? minutes[3] : minutes[2] + minutes[1];
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < levels.length; i++) {
            if (i > 0) {
                summary.append(',');
            }
            summary.append('"').append(levels[i]).append("\":{\"count\":").append(counts[i]).append(",\"minutes\":")
                    .append(minutes[i]).append(stages ? ",\"thirtyDayAvgMinutes\":" + minutes[i] : "").append('}');
        }
        String body = "{\"sleep\":[{\"dateOfSleep\":\"" + d + "\",\"duration\":" + inBed * 60_000L + ",\"efficiency\":"
                + (85 + r.nextInt(14)) + ",\"endTime\":\"" + t + ":00.000\",\"infoCode\":0,\"isMainSleep\":true,"
                + "\"levels\":{\"data\":[" + data + "],\"summary\":{" + summary + "}},\"logId\":" + (20_000_000_000L
                + d.toEpochDay() * 1000 + r.nextInt(1000)) + ",\"minutesAfterWakeup\":" + r.nextInt(5)
                + ",\"minutesAsleep\":" + (inBed - awake) + ",\"minutesAwake\":" + awake + ",\"minutesToFallAsleep\":0,"
                + "\"startTime\":\"" + start + ":00.000\",\"timeInBed\":" + inBed + ",\"type\":\""
                + (stages ? "stages" : "classic") + "\"}],\"summary\":{\"totalMinutesAsleep\":" + (inBed - awake)
                + ",\"totalSleepRecords\":1,\"totalTimeInBed\":" + inBed + "}}\n";
        write(folder.resolve("sleep-" + d + ".json"), body);
        count(o, "sleep_daily_summary", 1, d);
        if (unknownLevel) {
            count(o, "sleep_level", segments - 1, d);
            o.plantedFor("fitbit_sleep_levels_known",
                    () -> o.row("sleep_level", d, RowProblem.Source.FITBIT, "fitbit_sleep_levels_known"));
        } else {
            count(o, "sleep_level", segments, d);
        }
    }

    private static String time(int minuteOfDay) {
        int h = minuteOfDay / 60;
        int m = minuteOfDay % 60;
        return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m + ":00";
    }

    private static void count(ParticipantOutcome o, String table, int rows, LocalDate d) {
        o.rows(table, rows, d, RowProblem.Source.FITBIT, null);
    }

    private static void write(Path file, String body) {
        try (Writer w = DropGenerator.writer(file)) {
            w.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
