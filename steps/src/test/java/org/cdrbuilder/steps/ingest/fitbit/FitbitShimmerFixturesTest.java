package org.cdrbuilder.steps.ingest.fitbit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.schema.CdrSchema;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Fitbit Web API body of ../shared/testdata/fitbit-webapi-shimmer/json (Open mHealth Shimmer, Apache-2.0),
 * read in place, row by row.
 */
class FitbitShimmerFixturesTest {
    static final long PERSON = 123L;
    static final Set<String> COVERED = Set.of(
            "fitbit-activities-date-empty-activities-list.json",
            "fitbit-activities-date-multiple-in-activities-list.json",
            "fitbit-activities-date-single-in-activities-list.json",
            "fitbit-activities-heart-1d-1m-intraday.json",
            "fitbit-activities-steps-1d-1m-intraday.json",
            "fitbit-activities-steps-timeseries.json",
            "fitbit-body-log-weight.json",
            "fitbit-sleep-date-empty-sleep-list.json",
            "fitbit-sleep-date-range-empty-sleep-list.json",
            "fitbit-sleep-date-range.json",
            "fitbit-sleep-date.json");

    static Path json;

    @TempDir
    Path tmp;

    @BeforeAll
    static void fixtures() {
        Path testdata = TestFiles.sharedTestdata();
        Assumptions.assumeTrue(testdata != null, "SKIPPED: ../shared/testdata not present");
        json = testdata.resolve("fitbit-webapi-shimmer").resolve("json");
        Assumptions.assumeTrue(Files.isDirectory(json), "SKIPPED: ../shared/testdata/fitbit-webapi-shimmer not present");
    }

    static RecordingSink read(Path file) throws IOException {
        RecordingSink sink = new RecordingSink();
        new FitbitReader().read(file, PERSON, sink);
        return sink;
    }

    static Row row(String table, Object... columnsAndValues) {
        Row r = new Row(CdrSchema.get().table(table)).set("person_id", PERSON);
        if (r.table().hasColumn("src_id")) {
            r.set("src_id", org.cdrbuilder.steps.common.ParticipantPortal.SOURCE_ID); // staged with the portal as source
        }
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            r.set((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return r;
    }

    @Test
    void everyFixtureFileHasExpectations() throws IOException {
        try (Stream<Path> files = Files.list(json)) {
            assertThat(files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrderElementsOf(COVERED);
        }
    }

    @Test
    void heartRate1dIntraday_zonesAndMinutes() throws IOException {
        RecordingSink sink = read(json.resolve("fitbit-activities-heart-1d-1m-intraday.json"));

        LocalDate day = LocalDate.of(2015, 8, 21);
        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.rows("heart_rate_summary")).containsExactly(
                row("heart_rate_summary", "date", day, "zone_name", "Out of Range", "min_heart_rate", 30,
                        "max_heart_rate", 94, "minute_in_zone", 2, "calorie_count", 2.3246),
                row("heart_rate_summary", "date", day, "zone_name", "Fat Burn", "min_heart_rate", 94,
                        "max_heart_rate", 132, "minute_in_zone", 0, "calorie_count", 0.0),
                row("heart_rate_summary", "date", day, "zone_name", "Cardio", "min_heart_rate", 132,
                        "max_heart_rate", 160, "minute_in_zone", 0, "calorie_count", 0.0),
                row("heart_rate_summary", "date", day, "zone_name", "Peak", "min_heart_rate", 160,
                        "max_heart_rate", 220, "minute_in_zone", 0, "calorie_count", 0.0));
        List<Row> minutes = sink.rows("heart_rate_minute_level");
        assertThat(minutes).hasSize(5);
        assertThat(minutes.get(0)).isEqualTo(row("heart_rate_minute_level",
                "datetime", LocalDateTime.of(2015, 8, 21, 0, 1), "heart_rate_value", 64));
        assertThat(minutes.get(4)).isEqualTo(row("heart_rate_minute_level",
                "datetime", LocalDateTime.of(2015, 8, 21, 0, 5), "heart_rate_value", 65));
        assertThat(minutes).extracting(r -> r.get("heart_rate_value")).containsExactly(64, 63, 64, 65, 65);
        assertThat(sink.rows).allSatisfy(r -> assertThat(r.get("src_id")).isEqualTo(org.cdrbuilder.steps.common.ParticipantPortal.SOURCE_ID));
    }

    @Test
    void steps1dIntraday_onePerPoint_dailyTotalIgnored() throws IOException {
        RecordingSink sink = read(json.resolve("fitbit-activities-steps-1d-1m-intraday.json"));

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.rows).containsExactly(
                row("steps_intraday", "datetime", LocalDateTime.of(2015, 8, 21, 0, 0), "steps", 7.0),
                row("steps_intraday", "datetime", LocalDateTime.of(2015, 8, 21, 14, 27), "steps", 0.0),
                row("steps_intraday", "datetime", LocalDateTime.of(2015, 8, 21, 14, 28), "steps", 52.0));
    }

    @Test
    void stepsTimeSeriesAndWeightLog_noTable_noRowsNoQuarantine() throws IOException {
        for (String name : List.of("fitbit-activities-steps-timeseries.json", "fitbit-body-log-weight.json")) {
            RecordingSink sink = read(json.resolve(name));
            assertThat(sink.rows).as(name).isEmpty();
            assertThat(sink.quarantined).as(name).isEmpty();
        }
    }

    @Test
    void sleepDate_summariesAndEverySegment() throws IOException {
        RecordingSink sink = read(json.resolve("fitbit-sleep-date.json"));

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.rows("sleep_daily_summary")).containsExactly(
                sleepSummary("false", 63, 63, 0, 0, 0),
                sleepSummary("true", 118, 112, 0, 6, 6));
        assertThat(sink.rows("sleep_level")).containsExactlyElementsOf(segments("false", "true"));
    }

    @Test
    void sleepDateRange_withoutIsMainSleep_sameRowsWithNullFlag() throws IOException {
        RecordingSink sink = read(json.resolve("fitbit-sleep-date-range.json"));

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.rows("sleep_daily_summary")).containsExactly(
                sleepSummary(null, 63, 63, 0, 0, 0),
                sleepSummary(null, 118, 112, 0, 6, 6));
        assertThat(sink.rows("sleep_level")).containsExactlyElementsOf(segments(null, null));
    }

    @Test
    void emptySleepLists_noRows() throws IOException {
        for (String name : List.of("fitbit-sleep-date-empty-sleep-list.json",
                "fitbit-sleep-date-range-empty-sleep-list.json")) {
            RecordingSink sink = read(json.resolve(name));
            assertThat(sink.rows).as(name).isEmpty();
            assertThat(sink.quarantined).as(name).isEmpty();
        }
    }

    @Test
    void activityDate_namedWithADay_oneSummaryRow() throws IOException {
        assertThat(readAs("fitbit-activities-date-empty-activities-list.json", "activities-2015-06-22.json").rows)
                .containsExactly(activity(LocalDate.of(2015, 6, 22), 799, 1240, 1892, 26, 112, 522, 1260, 12517, 42));
        assertThat(readAs("fitbit-activities-date-multiple-in-activities-list.json", "activities-2015-06-23.json").rows)
                .containsExactly(activity(LocalDate.of(2015, 6, 23), 150, 1069, 1218, 0, 72, 96, 787, 15242, 24));
        assertThat(readAs("fitbit-activities-date-single-in-activities-list.json", "activities-2014-06-19.json").rows)
                .containsExactly(activity(LocalDate.of(2014, 6, 19), 420, 1221, 1848, 34, 132, 184, 1271, 10007, 3));
    }

    @Test
    void activityDate_asNamedUpstream_noDay_quarantinedWithReason() throws IOException {
        RecordingSink sink = read(json.resolve("fitbit-activities-date-single-in-activities-list.json"));

        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.table()).isEqualTo("activity_summary");
            assertThat(q.pointer()).isEqualTo("/summary");
            assertThat(q.line()).isEqualTo(21L);
            assertThat(q.violation().field()).isEqualTo("date");
            assertThat(q.violation().reason()).contains("without a date");
        });
    }

    /** A copy in the test's temporary folder under another name (the file is not kept anywhere). */
    RecordingSink readAs(String fixture, String name) throws IOException {
        return read(Files.copy(json.resolve(fixture), tmp.resolve(name)));
    }

    static Row activity(LocalDate date, double activityCalories, double bmr, double out, double fairly, double lightly,
                        double marginal, double sedentary, int steps, double very) {
        return row("activity_summary", "date", date, "activity_calories", activityCalories, "calories_bmr", bmr,
                "calories_out", out, "fairly_active_minutes", fairly, "lightly_active_minutes", lightly,
                "marginal_calories", marginal, "sedentary_minutes", sedentary, "steps", steps,
                "very_active_minutes", very);
    }

    static Row sleepSummary(String main, int inBed, int asleep, int afterWakeup, int awake, int restless) {
        return row("sleep_daily_summary", "sleep_date", LocalDate.of(2016, 12, 13), "is_main_sleep", main,
                "minute_in_bed", inBed, "minute_asleep", asleep, "minute_after_wakeup", afterWakeup,
                "minute_awake", awake, "minute_restless", restless);
    }

    static List<Row> segments(String firstMain, String secondMain) {
        return List.of(
                segment(firstMain, "asleep", "09:59", 63.0),
                segment(secondMain, "asleep", "01:16", 83.0),
                segment(secondMain, "restless", "02:39", 1.0),
                segment(secondMain, "asleep", "02:40", 7.0),
                segment(secondMain, "restless", "02:47", 4.0),
                segment(secondMain, "asleep", "02:51", 1.0),
                segment(secondMain, "restless", "02:52", 1.0),
                segment(secondMain, "asleep", "02:53", 21.0));
    }

    static Row segment(String main, String level, String start, double minutes) {
        return row("sleep_level", "sleep_date", LocalDate.of(2016, 12, 13), "is_main_sleep", main, "level", level,
                "start_datetime", LocalDateTime.parse("2016-12-13T" + start), "duration_in_min", minutes);
    }
}
