package org.cdrbuilder.steps.ingest.fitbit;

import static java.util.Objects.requireNonNull;

import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Path;

import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.steps.ingest.IngestSink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Reads one Fitbit Web API response body of a participant ({@code fitbit/<participant_id>/*.json}) into rows of
 * the wearables tables, streaming: rows go to the sink as they are parsed, and nothing that grows with the data
 * (an intraday dataset, a sleep log's {@code levels.data}) is held in memory. A file may hold one day or many.
 *
 * <p>The endpoint is recognised from the body's top-level keys, whatever the file is called:
 * <ul>
 * <li>{@code activities-heart}: one {@code heart_rate_summary} row per {@code heartRateZones} entry per day
 *     ({@code date} = the day's {@code dateTime}; {@code customHeartRateZones} are not read);</li>
 * <li>{@code activities-heart-intraday.dataset}: one {@code heart_rate_minute_level} row per point
 *     ({@code datetime} = day + {@code time}, {@code heart_rate_value} a whole number);</li>
 * <li>{@code activities-steps-intraday.dataset}: one {@code steps_intraday} row per point ({@code steps} as a
 *     double). A daily steps time series ({@code activities-steps} alone) has no table: it gives no rows and is
 *     not counted anywhere, by design;</li>
 * <li>a daily activity body ({@code summary} with {@code activityCalories}, {@code caloriesOut}, {@code steps},
 *     ...; {@code activities} and {@code goals} are not read): one {@code activity_summary} row. The body has no
 *     date: it is the file name's {@code yyyy-MM-dd} (exactly one day named), else a {@code dateTime} field of the
 *     body or its summary, else the row is quarantined;</li>
 * <li>{@code sleep[]} (classic or stages): one {@code sleep_daily_summary} row per log and one {@code sleep_level}
 *     row per {@code levels.data} segment ({@code duration_in_min} = seconds / 60); see {@link SleepLogs};</li>
 * <li>a top-level array of devices: one {@code device} row each ({@code device_date} = date of
 *     {@code lastSyncTime});</li>
 * <li>{@code weight[]} (body log) has no table and gives no rows.</li>
 * </ul>
 *
 * <p>Intraday points carry a time of day only. Their first day is the first {@code dateTime} of the body's day
 * array ({@code activities-heart[0]} or {@code activities-steps[0]}); when that is absent or invalid, the
 * {@code yyyy-MM-dd} of the file name; when neither exists, every point is quarantined. The day advances by one
 * whenever the time of day goes backwards, so a 24-hour window across midnight or consecutive days in one file
 * are dated correctly (a day without any point in a multi-day file cannot be detected).
 *
 * <p>Datetimes are local wall times as Fitbit writes them and are stored as written, without conversion; a value
 * with an offset is refused. {@code src_id} is left null for harmonization; {@code person_id} is the participant
 * number given by the caller.
 *
 * <p>Nothing is dropped silently: an element (point, zone, segment, log, summary, device) that cannot be used is
 * quarantined alone, with its JSON pointer, the line it starts on, the column and a reason that never contains
 * the value. Unknown sleep level names are written as they come (a cleaning rule removes them). A file that is not
 * valid JSON keeps the rows already written and adds one quarantine entry for the rest (table of the section being
 * read, line and pointer of the break); a body whose endpoint is not recognised adds one entry to
 * {@code activity_summary}.
 *
 * <p>Key order is not assumed. When an array's rows need something that comes later in the body (the intraday day,
 * a sleep log's {@code dateOfSleep}), the array is skipped and streamed in a second pass over the file. Instances
 * hold no state between calls and may be shared between threads.
 */
public final class FitbitReader {
    private final JsonFactory json = new JsonFactory();

    public FitbitReader() {
    }

    /** Reads one Fitbit Web API response body; the endpoint is recognised from its content, whatever the file is called. */
    public void read(Path file, long personId, IngestSink sink) throws IOException {
        requireNonNull(file, "file is null");
        requireNonNull(sink, "sink is null");
        FitbitRows rows = new FitbitRows(personId, sink);
        FitbitBody body = new FitbitBody(rows, FileNameDate.of(file));
        try (JsonParser p = json.createParser(java.nio.file.Files.newInputStream(file))) {
            try {
                body.read(p);
            } catch (JsonProcessingException e) {
                malformed(sink, body, p, e.getLocation(), e.getOriginalMessage());
                return;
            } catch (CharConversionException e) {
                malformed(sink, body, p, null, e.getMessage());
                return;
            }
        }
        if (!body.deferred().isEmpty()) {
            try (JsonParser p = json.createParser(java.nio.file.Files.newInputStream(file))) {
                body.deferred().replay(p);
            }
        }
    }

    private static void malformed(IngestSink sink, FitbitBody body, JsonParser p, JsonLocation at, String detail) {
        long line = at != null && at.getLineNr() > 0 ? at.getLineNr() : Pointers.line(p);
        sink.quarantine(body.table().name(), line, Pointers.here(p),
                new Violation(null, "malformed JSON: the rest of the file cannot be read", detail));
    }
}
