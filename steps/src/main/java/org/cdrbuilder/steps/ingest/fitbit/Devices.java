package org.cdrbuilder.steps.ingest.fitbit;

import static org.cdrbuilder.steps.ingest.fitbit.WearableTables.DEVICE;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Map;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.validate.Violation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads the devices endpoint ({@code /1/user/-/devices.json}): a top-level array of
 * {@code {battery, batteryLevel, deviceVersion, id, lastSyncTime, type, ...}}, one {@code device} row each, dated by
 * the date part of {@code lastSyncTime}. A device without a valid {@code lastSyncTime} is quarantined: it cannot be
 * placed in time (date shifting, consent windows). {@code features} and {@code mac} have no column.
 */
final class Devices {
    /** Fitbit device field -> device column. */
    private static final Map<String, String> COLUMNS = Map.of(
            "id", "device_id",
            "battery", "battery",
            "batteryLevel", "battery_level",
            "deviceVersion", "device_version",
            "type", "device_type",
            "lastSyncTime", "last_sync_time");

    private Devices() {
    }

    /**
     * Reads the array the parser is on. Returns false, having read nothing, when its first element is not a device
     * (an object with at least one device field): the body is then not a devices response. An empty array is an
     * empty devices response.
     */
    static boolean read(JsonParser p, FitbitRows rows) throws IOException {
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            long line = Pointers.line(p);
            JsonValue[] device = fields(p);
            if (index++ == 0 && device == null) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    p.skipChildren();
                }
                return false;
            }
            emit(p, line, device, rows);
        }
        return true;
    }

    /** Reads the element the parser is on; returns its device fields, or null when it is not a device. */
    private static JsonValue[] fields(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            JsonValue.read(p);
            return null;
        }
        JsonValue[] values = new JsonValue[DEVICE.columnCount()];
        boolean any = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String column = COLUMNS.get(p.currentName());
            p.nextToken();
            if (column == null) {
                p.skipChildren();
            } else {
                values[DEVICE.indexOf(column)] = JsonValue.read(p);
                any = true;
            }
        }
        return any ? values : null;
    }

    private static void emit(JsonParser p, long line, JsonValue[] device, FitbitRows rows) {
        if (device == null) {
            rows.quarantineHere(DEVICE, line, p, new Violation(null, "not a Fitbit device", null));
            return;
        }
        try {
            Row row = rows.row(DEVICE);
            for (int i = 0; i < device.length; i++) {
                if (device[i] != null) {
                    rows.set(row, DEVICE.column(i).name(), device[i]);
                }
            }
            rows.setRequired(row, "last_sync_time", device[DEVICE.indexOf("last_sync_time")]);
            row.set("device_date", ((LocalDateTime) row.get("last_sync_time")).toLocalDate());
            rows.accept(row);
        } catch (BadField e) {
            rows.quarantineHere(DEVICE, line, p, e.violation());
        }
    }
}
