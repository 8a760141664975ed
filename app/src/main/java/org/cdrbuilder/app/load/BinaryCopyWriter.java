package org.cdrbuilder.app.load;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.sql.SQLException;

import org.postgresql.copy.CopyIn;

/**
 * Writes tuples in PostgreSQL's binary {@code COPY} format into a {@link CopyIn}: a header, per tuple the field count
 * and each field as a length (-1 for NULL) followed by its bytes in the type's binary (network byte order) form, and a
 * trailer. Binary means no escaping (tabs, newlines and backslashes in text are just bytes), NULL distinct from an
 * empty string, and integers, doubles, dates and timestamps sent exactly as they are. Bytes are buffered and sent
 * in blocks; nothing of a table is held beyond one block.
 */
final class BinaryCopyWriter {
    /** Days from 1970-01-01 (Parquet DATE) to 2000-01-01 (PostgreSQL's date epoch). */
    static final int POSTGRES_EPOCH_DAYS = 10_957;
    /** Microseconds from 1970-01-01 to 2000-01-01 (PostgreSQL's timestamp epoch). */
    static final long POSTGRES_EPOCH_MICROS = POSTGRES_EPOCH_DAYS * 86_400L * 1_000_000L;

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
        0, 0, 0, 0, // flags
        0, 0, 0, 0}; // header extension length

    private final CopyIn copy;
    private final ByteBuffer buf;

    BinaryCopyWriter(CopyIn copy, int bufferBytes) {
        this.copy = requireNonNull(copy, "copy is null");
        this.buf = ByteBuffer.allocate(bufferBytes); // big-endian, as COPY wants
        buf.put(HEADER);
    }

    void startTuple(int fields) throws SQLException {
        room(2);
        buf.putShort((short) fields);
    }

    void writeNull() throws SQLException {
        room(4);
        buf.putInt(-1);
    }

    void writeInt2(short v) throws SQLException {
        room(6);
        buf.putInt(2).putShort(v);
    }

    void writeInt4(int v) throws SQLException {
        room(8);
        buf.putInt(4).putInt(v);
    }

    void writeInt8(long v) throws SQLException {
        room(12);
        buf.putInt(8).putLong(v);
    }

    void writeFloat4(float v) throws SQLException {
        room(8);
        buf.putInt(4).putFloat(v);
    }

    void writeFloat8(double v) throws SQLException {
        room(12);
        buf.putInt(8).putDouble(v);
    }

    void writeBoolean(boolean v) throws SQLException {
        room(5);
        buf.putInt(1).put((byte) (v ? 1 : 0));
    }

    /** A date as days since 1970-01-01. */
    void writeDate(int epochDays) throws SQLException {
        writeInt4(epochDays - POSTGRES_EPOCH_DAYS);
    }

    /** A timestamp as microseconds since 1970-01-01 00:00 (wall time, no zone). */
    void writeTimestamp(long epochMicros) throws SQLException {
        writeInt8(Math.subtractExact(epochMicros, POSTGRES_EPOCH_MICROS));
    }

    /**
     * Text: the UTF-8 bytes of {@code value}, checked on the way: the result says how many characters they hold, or
     * -1 when they contain a NUL byte, which PostgreSQL text cannot store.
     */
    int writeText(ByteBuffer value) throws SQLException {
        int len = value.remaining();
        if (buf.remaining() < 4 + len) {
            flush();
            if (buf.remaining() < 4 + len) {
                // a value bigger than the buffer: sent as it is
                byte[] head = new byte[4];
                ByteBuffer.wrap(head).putInt(len);
                copy.writeToCopy(head, 0, 4);
                byte[] all = new byte[len];
                value.get(value.position(), all, 0, len);
                copy.writeToCopy(all, 0, len);
                return characters(all, 0, len);
            }
        }
        buf.putInt(len);
        int start = buf.position();
        value.get(value.position(), buf.array(), start, len);
        buf.position(start + len);
        return characters(buf.array(), start, len);
    }

    /** Characters in UTF-8 bytes (bytes that do not continue a sequence), or -1 for a NUL among them. */
    static int characters(byte[] b, int off, int len) {
        int chars = 0;
        for (int i = off, end = off + len; i < end; i++) {
            byte x = b[i];
            if (x == 0) {
                return -1;
            }
            if ((x & 0xC0) != 0x80) {
                chars++;
            }
        }
        return chars;
    }

    /** Writes the trailer and sends what is buffered; the caller ends the COPY. */
    void finish() throws SQLException {
        room(2);
        buf.putShort((short) -1);
        flush();
    }

    private void room(int bytes) throws SQLException {
        if (buf.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (buf.position() > 0) {
            copy.writeToCopy(buf.array(), 0, buf.position());
            buf.clear();
        }
    }
}
