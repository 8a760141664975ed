package org.cdrbuilder.steps.ingest.fitbit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.CdrSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fitbit bodies written by the tests: stages sleep, key orders, bad points, broken and unrecognised files. */
class FitbitReaderTest {
    static final long PERSON = 4711L;

    /** A stages sleep log as the Fitbit Web API documents it (sleep v1.2, get sleep log by date). */
    static final String STAGES_SLEEP = """
            {
              "sleep": [
                {
                  "dateOfSleep": "2020-02-21",
                  "duration": 27720000,
                  "efficiency": 96,
                  "endTime": "2020-02-21T07:03:30.000",
                  "infoCode": 0,
                  "isMainSleep": true,
                  "levels": {
                    "data": [
                      {"dateTime": "2020-02-20T23:21:30.000", "level": "wake", "seconds": 630},
                      {"dateTime": "2020-02-20T23:32:00.000", "level": "light", "seconds": 30},
                      {"dateTime": "2020-02-20T23:32:30.000", "level": "deep", "seconds": 870},
                      {"dateTime": "2020-02-20T23:47:00.000", "level": "rem", "seconds": 1500},
                      {"dateTime": "2020-02-21T00:12:00.000", "level": "unknown", "seconds": 90},
                      {"dateTime": "2020-02-21T06:32:30.000", "level": "light", "seconds": 1860}
                    ],
                    "shortData": [
                      {"dateTime": "2020-02-21T00:10:30.000", "level": "wake", "seconds": 30},
                      {"dateTime": "2020-02-21T06:40:00.000", "level": "wake", "seconds": 60}
                    ],
                    "summary": {
                      "deep": {"count": 3, "minutes": 92, "thirtyDayAvgMinutes": 0},
                      "light": {"count": 29, "minutes": 226, "thirtyDayAvgMinutes": 0},
                      "rem": {"count": 4, "minutes": 62, "thirtyDayAvgMinutes": 0},
                      "wake": {"count": 29, "minutes": 82, "thirtyDayAvgMinutes": 0}
                    }
                  },
                  "logId": 26013218219,
                  "logType": "auto_detected",
                  "minutesAfterWakeup": 0,
                  "minutesAsleep": 380,
                  "minutesAwake": 82,
                  "minutesToFallAsleep": 0,
                  "startTime": "2020-02-20T23:21:30.000",
                  "timeInBed": 462,
                  "type": "stages"
                }
              ],
              "summary": {
                "stages": {"deep": 92, "light": 226, "rem": 62, "wake": 82},
                "totalMinutesAsleep": 380,
                "totalSleepRecords": 1,
                "totalTimeInBed": 462
              }
            }
            """;

    @TempDir
    Path tmp;

    RecordingSink sink = new RecordingSink();

    @AfterEach
    void reasonsNeverContainTheValue() {
        assertThat(sink.quarantined).allSatisfy(q -> {
            String value = q.violation().value();
            if (value != null && !value.isBlank()) {
                assertThat(q.violation().reason()).doesNotContain(value);
            }
        });
    }

    RecordingSink read(String fileName, String body) throws IOException {
        Path file = tmp.resolve(fileName);
        Files.writeString(file, body, StandardCharsets.UTF_8);
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

    static Row stagesSegment(String level, String start, double minutes) {
        return row("sleep_level", "sleep_date", LocalDate.of(2020, 2, 21), "is_main_sleep", "true", "level", level,
                "start_datetime", LocalDateTime.parse(start), "duration_in_min", minutes);
    }

    static final List<Row> STAGES_SEGMENTS = List.of(
            stagesSegment("wake", "2020-02-20T23:21:30", 10.5),
            stagesSegment("light", "2020-02-20T23:32:00", 0.5),
            stagesSegment("deep", "2020-02-20T23:32:30", 14.5),
            stagesSegment("rem", "2020-02-20T23:47:00", 25.0),
            stagesSegment("unknown", "2020-02-21T00:12:00", 1.5),
            stagesSegment("light", "2020-02-21T06:32:30", 31.0));

    static final Row STAGES_SUMMARY = row("sleep_daily_summary", "sleep_date", LocalDate.of(2020, 2, 21),
            "is_main_sleep", "true", "minute_in_bed", 462, "minute_asleep", 380, "minute_after_wakeup", 0,
            "minute_awake", 82, "minute_deep", 92, "minute_light", 226, "minute_rem", 62, "minute_wake", 82);

    @Test
    void stagesSleep_stageMinutes_dataSegmentsOnly_unknownLevelKept() throws IOException {
        read("sleep-2020-02-21.json", STAGES_SLEEP);

        assertThat(sink.quarantined).isEmpty();
        // segments stream while levels.data is parsed, before the log's summary row is complete
        assertThat(sink.rows).containsExactlyElementsOf(concat(STAGES_SEGMENTS, List.of(STAGES_SUMMARY)));
        assertThat(STAGES_SUMMARY.get("minute_restless")).isNull();
    }

    @Test
    void heartZonesNestedInValue_asTheCurrentWebApiWritesThem() throws IOException {
        read("activities-heart-2019-05-08.json", """
                {"activities-heart": [{"dateTime": "2019-05-08", "value": {"customHeartRateZones": [],
                  "heartRateZones": [{"caloriesOut": 1200.5, "max": 97, "min": 30, "minutes": 1300, "name": "Out of Range"},
                                     {"caloriesOut": 300.25, "max": 136, "min": 97, "minutes": 90, "name": "Fat Burn"}],
                  "restingHeartRate": 76}}],
                 "activities-heart-intraday": {"dataset": [{"time": "08:00:00", "value": 80}],
                  "datasetInterval": 1, "datasetType": "minute"}}
                """);

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.rows).containsExactly(
                row("heart_rate_summary", "date", LocalDate.of(2019, 5, 8), "zone_name", "Out of Range",
                        "min_heart_rate", 30, "max_heart_rate", 97, "minute_in_zone", 1300, "calorie_count", 1200.5),
                row("heart_rate_summary", "date", LocalDate.of(2019, 5, 8), "zone_name", "Fat Burn",
                        "min_heart_rate", 97, "max_heart_rate", 136, "minute_in_zone", 90, "calorie_count", 300.25),
                row("heart_rate_minute_level", "datetime", LocalDateTime.of(2019, 5, 8, 8, 0), "heart_rate_value", 80));
    }

    @Test
    void sleepLog_levelsBeforeItsDate_secondPassGivesTheSameRows() throws IOException {
        String reordered = STAGES_SLEEP
                .replace("\"dateOfSleep\": \"2020-02-21\",", "")
                .replace("\"isMainSleep\": true,", "")
                .replace("\"type\": \"stages\"", "\"type\": \"stages\", \"isMainSleep\": true, \"dateOfSleep\": \"2020-02-21\"");
        assertThat(reordered.indexOf("dateOfSleep")).isGreaterThan(reordered.indexOf("levels"));

        read("sleep.json", reordered);

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.rows).containsExactlyElementsOf(concat(List.of(STAGES_SUMMARY), STAGES_SEGMENTS));
    }

    @Test
    void sleepLog_withoutDateOfSleep_summaryAndEverySegmentQuarantined() throws IOException {
        read("sleep.json", STAGES_SLEEP.replace("\"dateOfSleep\": \"2020-02-21\",", ""));

        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).hasSize(7).allSatisfy(q -> {
            assertThat(q.violation().field()).isEqualTo("sleep_date");
            assertThat(q.violation().reason()).isEqualTo("sleep log without a valid dateOfSleep: missing");
        });
        assertThat(sink.quarantined).extracting(RecordingSink.Quarantined::pointer).containsExactly(
                "/sleep/0", "/sleep/0/levels/data/0", "/sleep/0/levels/data/1", "/sleep/0/levels/data/2",
                "/sleep/0/levels/data/3", "/sleep/0/levels/data/4", "/sleep/0/levels/data/5");
        assertThat(sink.quarantined).extracting(RecordingSink.Quarantined::table)
                .containsExactly("sleep_daily_summary", "sleep_level", "sleep_level", "sleep_level", "sleep_level",
                        "sleep_level", "sleep_level");
    }

    @Test
    void sleepSegment_withoutSecondsOrLevel_quarantinedAlone() throws IOException {
        read("sleep.json", STAGES_SLEEP
                .replace("\"level\": \"rem\", \"seconds\": 1500", "\"level\": \"rem\", \"seconds\": \"long\"")
                .replace("\"level\": \"deep\", ", ""));

        assertThat(sink.rows("sleep_level")).hasSize(4);
        assertThat(sink.rows("sleep_daily_summary")).containsExactly(STAGES_SUMMARY);
        assertThat(sink.quarantined).extracting(q -> q.pointer() + " " + q.violation().field() + " "
                + q.violation().reason()).containsExactly(
                "/sleep/0/levels/data/2 level missing",
                "/sleep/0/levels/data/3 duration_in_min not a number");
        assertThat(sink.quarantined.get(0).line()).isEqualTo(14L);
    }

    static final String HEART_POINTS = """
            {"activities-heart": [{"dateTime": "2020-01-01", "heartRateZones": []}],
             "activities-heart-intraday": {"dataset": [
              {"time": "00:00:00", "value": 60},
              {"time": "00:01:00", "value": "abc"},
              {"time": "00:02:00"},
              {"time": "25:00:00", "value": 61},
              {"value": 62},
              42,
              {"time": "00:06:00", "value": 64.5},
              {"time": "00:07:00", "value": null},
              {"time": "00:08:00", "value": "65"},
              {"time": "00:09:00", "value": true}
             ], "datasetInterval": 1, "datasetType": "minute"}}
            """;

    @Test
    void intradayPoint_withoutValidTimeOrNumericValue_quarantinedAlone() throws IOException {
        read("heart.json", HEART_POINTS);

        assertThat(sink.rows).containsExactly(
                row("heart_rate_minute_level", "datetime", LocalDateTime.of(2020, 1, 1, 0, 0), "heart_rate_value", 60),
                row("heart_rate_minute_level", "datetime", LocalDateTime.of(2020, 1, 1, 0, 8), "heart_rate_value", 65));
        assertThat(sink.quarantined).extracting(q -> q.table() + " " + q.line() + " " + q.pointer() + " "
                + q.violation().field() + ": " + q.violation().reason()).containsExactly(
                "heart_rate_minute_level 4 /activities-heart-intraday/dataset/1 heart_rate_value: not an integer",
                "heart_rate_minute_level 5 /activities-heart-intraday/dataset/2 heart_rate_value: missing",
                "heart_rate_minute_level 6 /activities-heart-intraday/dataset/3 datetime: not a time of day (expected HH:mm:ss)",
                "heart_rate_minute_level 7 /activities-heart-intraday/dataset/4 datetime: missing time",
                "heart_rate_minute_level 8 /activities-heart-intraday/dataset/5 null: intraday point is not an object",
                "heart_rate_minute_level 9 /activities-heart-intraday/dataset/6 heart_rate_value: not an integer",
                "heart_rate_minute_level 10 /activities-heart-intraday/dataset/7 heart_rate_value: missing",
                "heart_rate_minute_level 12 /activities-heart-intraday/dataset/9 heart_rate_value: not an integer");
        assertThat(sink.quarantined.get(0).violation().value()).isEqualTo("abc");
    }

    @Test
    void intraday_beforeItsDay_secondPassUsesTheBodyDay() throws IOException {
        read("heart-1999-01-01.json", """
                {"activities-heart-intraday": {"dataset": [{"time": "23:59:00", "value": 70}, {"time": "00:00:00", "value": 71}]},
                 "activities-heart": [{"dateTime": "2020-01-01", "heartRateZones": [{"name": "Peak", "min": 160, "max": 220, "minutes": 1, "caloriesOut": 9.5}]},
                                      {"dateTime": "2020-01-02", "heartRateZones": []}]}
                """);

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.rows).containsExactly(
                row("heart_rate_summary", "date", LocalDate.of(2020, 1, 1), "zone_name", "Peak", "min_heart_rate", 160,
                        "max_heart_rate", 220, "minute_in_zone", 1, "calorie_count", 9.5),
                row("heart_rate_minute_level", "datetime", LocalDateTime.of(2020, 1, 1, 23, 59), "heart_rate_value", 70),
                row("heart_rate_minute_level", "datetime", LocalDateTime.of(2020, 1, 2, 0, 0), "heart_rate_value", 71));
    }

    static final String STEPS_WITHOUT_DAY = """
            {"activities-steps-intraday": {"dataset": [{"time": "08:00:00", "value": 12}, {"time": "08:01:00", "value": 0}]}}
            """;

    @Test
    void intraday_withoutBodyDay_takesTheFileNameDay() throws IOException {
        read("activities-steps-intraday-2021-07-04.json", STEPS_WITHOUT_DAY);

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.rows).containsExactly(
                row("steps_intraday", "datetime", LocalDateTime.of(2021, 7, 4, 8, 0), "steps", 12.0),
                row("steps_intraday", "datetime", LocalDateTime.of(2021, 7, 4, 8, 1), "steps", 0.0));
    }

    @Test
    void intraday_withoutAnyDay_everyPointQuarantined() throws IOException {
        read("steps.json", STEPS_WITHOUT_DAY);

        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).hasSize(2).allSatisfy(q -> {
            assertThat(q.table()).isEqualTo("steps_intraday");
            assertThat(q.violation().reason()).isEqualTo(IntradayDataset.UNKNOWN_DAY);
        });
        assertThat(sink.quarantined).extracting(RecordingSink.Quarantined::pointer)
                .containsExactly("/activities-steps-intraday/dataset/0", "/activities-steps-intraday/dataset/1");
    }

    @Test
    void heartZones_ofADayWithoutDate_quarantined() throws IOException {
        read("heart.json", """
                {"activities-heart": [{"heartRateZones": [{"name": "Peak", "min": 160}, {"name": "Cardio", "min": "x"}]},
                                      {"dateTime": "2020-01-03", "heartRateZones": [{"name": "Cardio", "min": "x"}]}]}
                """);

        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).extracting(q -> q.pointer() + " " + q.violation().field() + ": "
                + q.violation().reason()).containsExactly(
                "/activities-heart/0/heartRateZones/0 date: heart rate day without a valid dateTime: missing",
                "/activities-heart/0/heartRateZones/1 date: heart rate day without a valid dateTime: missing",
                "/activities-heart/1/heartRateZones/0 min_heart_rate: not an integer");
    }

    @Test
    void activitySummary_dayFromFileNameFirst_thenDateTime_elseQuarantined() throws IOException {
        String body = """
                {"summary": {"steps": 100, "caloriesOut": 2000.5, "floors": 3, "elevation": 9.14}, "dateTime": "2021-05-06"}
                """;
        read("activities-2021-05-07.json", body);
        read("daily.json", body);
        read("daily-range-2021-05-01-2021-05-31.json", body.replace(", \"dateTime\": \"2021-05-06\"", ""));

        Row expected = row("activity_summary", "date", LocalDate.of(2021, 5, 7), "steps", 100, "calories_out", 2000.5,
                "floors", 3, "elevation", 9.14);
        assertThat(sink.rows).containsExactly(expected, expected.copy().set("date", LocalDate.of(2021, 5, 6)));
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.table()).isEqualTo("activity_summary");
            assertThat(q.violation().field()).isEqualTo("date");
            assertThat(q.violation().reason()).startsWith("daily activity summary without a date");
        });
    }

    @Test
    void activitySummary_badValue_quarantinedWithItsColumn() throws IOException {
        read("activities-2021-05-07.json", """
                {"activities": [], "summary": {"steps": "many", "caloriesOut": 2000}}
                """);

        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.pointer()).isEqualTo("/summary");
            assertThat(q.violation()).isEqualTo(new org.cdrbuilder.core.validate.Violation("steps", "not an integer", "many"));
        });
    }

    @Test
    void devices_oneRowPerDevice_withoutSyncTimeQuarantined() throws IOException {
        read("devices.json", """
                [
                  {"battery": "High", "batteryLevel": 95, "deviceVersion": "Charge 4", "features": [], "id": "1234567",
                   "lastSyncTime": "2021-03-01T10:12:13.000", "mac": "AB12CD34", "type": "TRACKER"},
                  {"battery": "Medium", "batteryLevel": 50, "deviceVersion": "Aria", "id": "987", "type": "SCALE"}
                ]
                """);

        assertThat(sink.rows).containsExactly(row("device", "device_id", "1234567",
                "device_date", LocalDate.of(2021, 3, 1), "battery", "High", "battery_level", "95",
                "device_version", "Charge 4", "device_type", "TRACKER",
                "last_sync_time", LocalDateTime.of(2021, 3, 1, 10, 12, 13)));
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.table()).isEqualTo("device");
            assertThat(q.pointer()).isEqualTo("/1");
            assertThat(q.violation().field()).isEqualTo("last_sync_time");
        });
    }

    @Test
    void brokenJson_keepsRowsRead_andQuarantinesTheRestOnce() throws IOException {
        read("heart.json", """
                {"activities-heart": [{"dateTime": "2020-01-01", "heartRateZones": []}],
                 "activities-heart-intraday": {"dataset": [
                  {"time": "00:00:00", "value": 60},
                  {"time": "00:01:00", "value": 61},
                  {"time": "00:02:00", "value": 6 2},
                  {"time": "00:03:00", "value": 63}
                 ]}}
                """);

        assertThat(sink.rows).hasSize(2);
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.table()).isEqualTo("heart_rate_minute_level");
            assertThat(q.line()).isEqualTo(5L);
            assertThat(q.pointer()).isEqualTo("/activities-heart-intraday/dataset/2/value");
            assertThat(q.violation().reason()).isEqualTo("malformed JSON: the rest of the file cannot be read");
            assertThat(q.violation().value()).isNotBlank();
        });
    }

    @Test
    void truncatedFile_quarantinedOnceAgainstTheSectionBeingRead() throws IOException {
        read("sleep.json", STAGES_SLEEP.substring(0, STAGES_SLEEP.indexOf("\"shortData\"")));

        assertThat(sink.rows("sleep_level")).hasSize(6);
        assertThat(sink.rows("sleep_daily_summary")).isEmpty();
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.table()).isEqualTo("sleep_daily_summary");
            assertThat(q.line()).isEqualTo(19L);
        });
    }

    @Test
    void notJsonAtAll_quarantinedAgainstActivitySummary() throws IOException {
        read("notes.json", "\n\nthis is not json\n");

        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.table()).isEqualTo("activity_summary");
            assertThat(q.line()).isEqualTo(3L);
            assertThat(q.violation().reason()).startsWith("malformed JSON");
        });
    }

    @Test
    void unrecognisedBodies_oneEntryEach() throws IOException {
        read("calories.json", "{\"activities-calories\": [{\"dateTime\": \"2020-01-01\", \"value\": \"2000\"}]}");
        read("numbers.json", "[1, 2, 3]");
        read("empty.json", "");
        read("object.json", "{}");
        read("summary.json", "{\"summary\": {\"totalTimeInBed\": 3}}");

        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).hasSize(5).allSatisfy(q -> {
            assertThat(q.table()).isEqualTo("activity_summary");
            assertThat(q.violation().reason()).isEqualTo("not a recognised Fitbit response");
        });
        assertThat(sink.quarantined.get(0).violation().value()).isEqualTo("top-level keys activities-calories");
    }

    @Test
    void secondJsonValue_reportedOnce() throws IOException {
        read("weight.json", "{\"weight\": []}\n{\"weight\": []}\n");

        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.line()).isEqualTo(2L);
            assertThat(q.violation().reason()).startsWith("more than one JSON value");
        });
    }

    @Test
    void wrongShape_quarantinedOnce() throws IOException {
        read("heart.json", "{\"activities-heart\": [], \"activities-heart-intraday\": {\"dataset\": 5}}");

        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.table()).isEqualTo("heart_rate_minute_level");
            assertThat(q.pointer()).isEqualTo("/activities-heart-intraday/dataset");
            assertThat(q.violation().reason()).isEqualTo("expected a JSON array");
        });
    }

    @Test
    void datetimeWithOffset_refusedNotConverted() throws IOException {
        read("sleep.json", STAGES_SLEEP.replace("2020-02-20T23:21:30.000", "2020-02-20T23:21:30.000Z"));

        assertThat(sink.rows("sleep_level")).hasSize(5);
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.pointer()).isEqualTo("/sleep/0/levels/data/0");
            assertThat(q.violation().field()).isEqualTo("start_datetime");
        });
    }

    static List<Row> concat(List<Row> a, List<Row> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
