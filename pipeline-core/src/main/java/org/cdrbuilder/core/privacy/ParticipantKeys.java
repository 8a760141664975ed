package org.cdrbuilder.core.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.LongLongHashMap;

/**
 * The private mapping store: each participant's research id (7 digits, derived from the key with HMAC, so not
 * derivable from the participant id without the key) and date shift (1..364 days), kept in
 * {@code <private>/privacy/} between releases so continuing participants keep both. New participants are assigned
 * in participant-number order, avoiding ids already taken. The store records a check value of the key and refuses
 * another key.
 */
public final class ParticipantKeys {
    static final long FIRST_ID = 1_000_000L;
    static final long ID_SPACE = 9_000_000L;
    private static final TableDef TABLE = CdrSchema.get().table("_privacy_mapping");

    private final Path dir;
    private final PrivacyKey key;
    private final int maxShift;
    private final LongLongHashMap researchIds = new LongLongHashMap();
    private final LongLongHashMap shifts = new LongLongHashMap();
    private final LongLongHashMap participantOf = new LongLongHashMap();
    private final java.util.Map<Long, String> firstRelease = new java.util.HashMap<>();
    private boolean dirty;

    private ParticipantKeys(Path dir, PrivacyKey key, int maxShift) {
        this.dir = dir;
        this.key = key;
        this.maxShift = maxShift;
    }

    /** Opens (or starts) the store in {@code dir}; fails when it was made with another key. */
    public static ParticipantKeys open(Path dir, PrivacyKey key, int maxShiftDays) {
        ParticipantKeys k = new ParticipantKeys(dir, key, maxShiftDays);
        Path check = dir.resolve("key-check.txt");
        try {
            if (Files.isRegularFile(check)) {
                if (!Files.readString(check, StandardCharsets.UTF_8).trim().equals(key.checkValue())) {
                    throw new ConfigException("the privacy mapping store in " + dir + " was made with a different key; "
                            + "use the key of earlier releases, or a new private directory for a new program");
                }
            }
            Path data = dir.resolve("mapping.parquet");
            if (Files.isRegularFile(data)) {
                RowParquetReader.forEach(java.util.List.of(data), TABLE, null, r -> {
                    long n = (Long) r.get("participant_number");
                    long id = (Long) r.get("research_id");
                    k.researchIds.put(n, id);
                    k.participantOf.put(id, n);
                    k.shifts.put(n, (Integer) r.get("shift_days"));
                    k.firstRelease.put(n, (String) r.get("first_release"));
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the privacy mapping store " + dir, e);
        }
        return k;
    }

    /**
     * The store's assignments without the key, for another process of the same build (a Spark executor), which
     * {@linkplain #unpack unpacks} them with its own key. Secret like the store itself.
     */
    public Packed packed() {
        long[] numbers = researchIds.keys().toArray();
        Arrays.sort(numbers);
        long[] ids = new long[numbers.length];
        int[] days = new int[numbers.length];
        String[] first = new String[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            ids[i] = researchIds.get(numbers[i]);
            days[i] = (int) shifts.get(numbers[i]);
            first[i] = firstRelease.get(numbers[i]);
        }
        return new Packed(org.cdrbuilder.core.io.Storage.externalForm(dir), key.checkValue(), maxShift, numbers, ids,
                days, first);
    }

    /** The store another process {@linkplain #packed packed}, with this process's key (which must be the same). */
    public static ParticipantKeys unpack(Packed packed, PrivacyKey key) {
        if (!packed.keyCheck().equals(key.checkValue())) {
            throw new ConfigException("the privacy mapping store was packed with a different key than this process's");
        }
        ParticipantKeys k = new ParticipantKeys(org.cdrbuilder.core.io.Storage.path(packed.dir()), key, packed.maxShift());
        for (int i = 0; i < packed.numbers().length; i++) {
            long n = packed.numbers()[i];
            k.researchIds.put(n, packed.researchIds()[i]);
            k.participantOf.put(packed.researchIds()[i], n);
            k.shifts.put(n, packed.shiftDays()[i]);
            k.firstRelease.put(n, packed.firstReleases()[i]);
        }
        return k;
    }

    /** {@link #packed}: parallel arrays by ascending participant number; the key's check value, never the key. */
    public record Packed(String dir, String keyCheck, int maxShift, long[] numbers, long[] researchIds,
                         int[] shiftDays, String[] firstReleases) implements java.io.Serializable {
    }

    /** Assigns research ids and shifts to the participants that have none (numbers in any order). */
    public synchronized void assign(long[] participantNumbers, String release) {
        long[] sorted = participantNumbers.clone();
        Arrays.sort(sorted);
        for (long n : sorted) {
            if (researchIds.containsKey(n)) {
                continue;
            }
            long id;
            int attempt = 0;
            do {
                id = FIRST_ID + Long.remainderUnsigned(key.number("research-id", n + "#" + attempt++), ID_SPACE);
            } while (participantOf.containsKey(id));
            researchIds.put(n, id);
            participantOf.put(id, n);
            shifts.put(n, 1 + Long.remainderUnsigned(key.number("date-shift", Long.toString(n)), maxShift));
            firstRelease.put(n, release);
            dirty = true;
        }
    }

    /** The research id of a participant, or -1 when none was assigned. */
    public long researchId(long participantNumber) {
        return researchIds.getOrDefault(participantNumber, -1L);
    }

    /** The participant behind a research id, or -1. */
    public long participant(long researchId) {
        return participantOf.getOrDefault(researchId, -1L);
    }

    /** Days the participant's dates are shifted back, or 0 when none was assigned. */
    public int shiftDays(long participantNumber) {
        return (int) shifts.getOrDefault(participantNumber, 0L);
    }

    /** Every research id. */
    public LongHashSet researchIds() {
        LongHashSet s = new LongHashSet();
        for (var c : participantOf) {
            s.add(c.key);
        }
        return s;
    }

    public int size() {
        return researchIds.size();
    }

    /** A masked form of an identifier (Fitbit device ids): derived from the key, stable, not reversible. */
    public String mask(String purpose, String value) {
        return java.util.HexFormat.of().formatHex(Arrays.copyOf(key.mac(purpose, value), 12));
    }

    /** Saves the store atomically when something was assigned. */
    public synchronized void save() {
        if (!dirty) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("key-check.txt"), key.checkValue() + "\n", StandardCharsets.UTF_8);
            long[] numbers = researchIds.keys().toArray();
            Arrays.sort(numbers);
            try (RowParquetWriter w = RowParquetWriter.open(dir.resolve("mapping.parquet"), TABLE, ParquetOptions.WORK)) {
                for (long n : numbers) {
                    w.write(new Row(TABLE).set("participant_number", n).set("research_id", researchIds.get(n))
                            .set("shift_days", (int) shifts.get(n)).set("first_release", firstRelease.get(n)));
                }
            }
            dirty = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the privacy mapping store " + dir, e);
        }
    }
}
