package org.cdrbuilder.app.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cdrbuilder.core.parquet.Timestamps;
import org.cdrbuilder.core.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** The binary COPY encoding, read back by PostgreSQL itself: every type the loader sends, with its edge values. */
class BinaryCopyWriterTest {

    @Test
    void characters_countsUtf8Characters_andFlagsNul() {
        byte[] s = "añ✓𝄞".getBytes(StandardCharsets.UTF_8);
        assertThat(BinaryCopyWriter.characters(s, 0, s.length)).isEqualTo(4);
        assertThat(BinaryCopyWriter.characters(new byte[] {'a', 0, 'b'}, 0, 3)).isEqualTo(-1);
        assertThat(BinaryCopyWriter.characters(new byte[0], 0, 0)).isZero();
    }

    @Test
    void everyType_roundTripsExactly_throughPostgres() throws Exception {
        String url = TestPostgres.requireDatabase("cdr_load_copy_test");
        String[] texts = {"tab\there", "new\nline\r\n", "back\\slash \\N", "", null, "quote\" 'single'", "ünïcödé ✓ 𝄞",
            "x".repeat(300_000)};
        double[] doubles = {0.1, -0.0, 4.9e-324, Double.MAX_VALUE, Double.NaN, Double.NEGATIVE_INFINITY, 1.0 / 3, 123456789.123456789};
        LocalDate[] dates = {LocalDate.of(1066, 10, 14), LocalDate.of(1969, 12, 31), LocalDate.of(2000, 1, 1),
            LocalDate.of(2000, 2, 29), LocalDate.of(9999, 12, 31)};
        LocalDateTime[] times = {LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.of(2000, 1, 1, 0, 0),
            LocalDateTime.of(2026, 3, 8, 2, 30, 0, 1_000), LocalDateTime.of(1900, 1, 1, 12, 0, 0, 500_000_000)};
        int rows = 8;
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("create table t (i int, s2 smallint, b bigint, f4 real, d double precision, ok boolean, v varchar(300000),"
                    + " x text, dt date, ts timestamp)");
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy t from stdin (format binary)");
            BinaryCopyWriter w = new BinaryCopyWriter(in, 64); // a tiny buffer: values span blocks
            for (int r = 0; r < rows; r++) {
                w.startTuple(10);
                w.writeInt4(r == 0 ? Integer.MIN_VALUE : r == 1 ? Integer.MAX_VALUE : r);
                w.writeInt2((short) (r == 0 ? Short.MIN_VALUE : r));
                w.writeInt8(r == 0 ? Long.MIN_VALUE + 1 : r == 1 ? Long.MAX_VALUE : -r);
                w.writeFloat4(r * 0.5f);
                w.writeFloat8(doubles[r]);
                if (r == 2) {
                    w.writeNull();
                } else {
                    w.writeBoolean(r % 2 == 0);
                }
                for (int k = 0; k < 2; k++) {
                    if (texts[r] == null) {
                        w.writeNull();
                    } else {
                        w.writeText(ByteBuffer.wrap(texts[r].getBytes(StandardCharsets.UTF_8)));
                    }
                }
                w.writeDate(Timestamps.toDays(dates[r % dates.length]));
                w.writeTimestamp(Timestamps.toMicros(times[r % times.length]));
            }
            w.finish();
            assertThat(in.endCopy()).isEqualTo(rows);
            List<Object[]> back = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select i, s2, b, f4, d, ok, v, x, to_char(dt, 'YYYY-MM-DD'), "
                    + "to_char(ts, 'YYYY-MM-DD HH24:MI:SS.US') from t order by ctid")) {
                while (rs.next()) {
                    Object[] row = new Object[10];
                    for (int i = 0; i < 10; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    back.add(row);
                }
            }
            assertThat(back).hasSize(rows);
            for (int r = 0; r < rows; r++) {
                Object[] row = back.get(r);
                assertThat(row[0]).isEqualTo(r == 0 ? Integer.MIN_VALUE : r == 1 ? Integer.MAX_VALUE : r);
                assertThat(row[1]).isEqualTo(r == 0 ? (int) Short.MIN_VALUE : r);
                assertThat(row[2]).isEqualTo(r == 0 ? Long.MIN_VALUE + 1 : r == 1 ? Long.MAX_VALUE : (long) -r);
                assertThat(row[3]).isEqualTo(r * 0.5f);
                assertThat(Double.doubleToRawLongBits((Double) row[4])).as("double " + doubles[r])
                        .isEqualTo(Double.doubleToRawLongBits(doubles[r]));
                assertThat(row[5]).isEqualTo(r == 2 ? null : r % 2 == 0);
                assertThat(row[6]).as("text %d", r).isEqualTo(texts[r]);
                assertThat(row[7]).isEqualTo(texts[r]);
                assertThat(row[8]).isEqualTo(dates[r % dates.length].toString());
                LocalDateTime t = times[r % times.length];
                assertThat(row[9]).isEqualTo(t.toLocalDate() + " " + String.format("%02d:%02d:%02d.%06d", t.getHour(),
                        t.getMinute(), t.getSecond(), t.getNano() / 1000));
            }
            try (ResultSet rs = st.executeQuery("select count(*) from t where v = '' and v is not null")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the empty string stays an empty string, not NULL").isEqualTo(1);
            }
            assertThat(Arrays.stream(texts).filter(s -> s == null).count()).isEqualTo(1);
        }
    }
}
