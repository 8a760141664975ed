package org.cdrbuilder.core.parquet;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Conversions between Java time values and their Parquet encodings (days and microseconds since the epoch). */
public final class Timestamps {
    private Timestamps() {
    }

    public static long toMicros(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1_000;
    }

    public static LocalDateTime fromMicros(long micros) {
        long secs = Math.floorDiv(micros, 1_000_000L);
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1_000;
        return LocalDateTime.ofEpochSecond(secs, nanos, ZoneOffset.UTC);
    }

    public static int toDays(LocalDate d) {
        return (int) d.toEpochDay();
    }

    public static LocalDate fromDays(int days) {
        return LocalDate.ofEpochDay(days);
    }
}
