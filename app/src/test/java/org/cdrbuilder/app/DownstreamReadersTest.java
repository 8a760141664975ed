package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.cdrbuilder.core.io.Fingerprint;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.core.testing.ExampleGroupReader;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.ColumnType;
import org.cdrbuilder.schema.TableDef;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Downstream readers read every table of both tiers of the sample release, as the manifest describes it: DuckDB (the
 * reference SQL reader) and parquet-java's generic record reader (example {@link Group}s, no code of this project on
 * the read path: {@link ExampleGroupReader}) see the manifest's row count and the same values, compared by a digest
 * of every value of every row.
 */
class DownstreamReadersTest {

    @Test
    void everyTableOfBothTiers_readsTheSameInDuckDbAndParquetJava_withTheManifestsRowCounts() throws Exception {
        for (String tier : List.of("registered", "controlled")) {
            Path release = SampleRelease.tier(tier);
            JsonNode manifest = WorkLayout.JSON.readTree(release.resolve("manifest.json").toFile());
            int tables = 0;
            long rows = 0;
            try (Duck duck = new Duck()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("tables").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    TableDef table = CdrSchema.get().table(e.getKey());
                    List<Path> files = new ArrayList<>();
                    e.getValue().path("files").forEach(f -> files.add(release.resolve(f.path("path").asText())));
                    long expected = e.getValue().path("row_count").asLong();
                    List<String> byDuck = duckRows(duck, table, files);
                    List<String> byParquet = parquetRows(table, files);
                    String what = tier + " " + table.name();
                    assertThat(byDuck).as(what + " rows read by DuckDB").hasSize((int) expected);
                    assertThat(byParquet).as(what + " rows read by parquet-java").hasSize((int) expected);
                    assertThat(digest(byParquet)).as(what + ": the same values in both readers").isEqualTo(digest(byDuck));
                    if (table.name().equals("person")) {
                        // values, not nulls: every person id and year of birth is read
                        assertThat(byDuck).allMatch(r -> r.matches("\\d+\u0001[-\\d]+\u0001\\d{4}\u0001.*"));
                    }
                    tables++;
                    rows += expected;
                }
            }
            assertThat(tables).isEqualTo(CdrSchema.get().tables().stream().filter(t -> t.group().published()).count());
            assertThat(rows).as(tier + " rows").isGreaterThan(100_000);
            assertThat(manifest.path("tables").path("person").path("row_count").asLong()).isGreaterThan(200);
        }
    }

    /** A row as one string, every value in a form both readers give exactly (dates as days, timestamps as micros). */
    private static String row(List<String> values) {
        return values.stream().collect(Collectors.joining("\u0001"));
    }

    private static String digest(List<String> rows) {
        List<String> sorted = new ArrayList<>(rows);
        sorted.sort(null);
        return Fingerprint.sha256(String.join("\n", sorted));
    }

    private static String text(String s) {
        return s.length() + ":" + s;
    }

    private static String real(double d) {
        return Long.toHexString(Double.doubleToLongBits(d));
    }

    static List<String> duckRows(Duck duck, TableDef table, List<Path> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        List<String> select = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            String q = "\"" + c.name() + "\"";
            select.add(switch (c.type()) {
                case DATE -> "datediff('day', DATE '1970-01-01', " + q + ")";
                case TIMESTAMP -> "epoch_us(" + q + ")";
                default -> q;
            });
        }
        String list = files.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "));
        List<String> out = new ArrayList<>();
        for (List<Object> r : duck.rows("select " + String.join(", ", select) + " from read_parquet([" + list + "])")) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                Object v = r.get(i);
                ColumnType type = table.column(i).type();
                values.add(v == null ? "\\N" : switch (type) {
                    case DOUBLE -> real(((Number) v).doubleValue());
                    case VARCHAR, TEXT -> text((String) v);
                    case BOOLEAN -> String.valueOf(v);
                    default -> String.valueOf(((Number) v).longValue());
                });
            }
            out.add(row(values));
        }
        return out;
    }

    static List<String> parquetRows(TableDef table, List<Path> files) {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            ExampleGroupReader.forEach(f, g -> out.add(row(values(table, g))));
        }
        return out;
    }

    private static List<String> values(TableDef table, Group g) {
        GroupType type = g.getType();
        List<String> values = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            int i = type.getFieldIndex(c.name());
            if (g.getFieldRepetitionCount(i) == 0) {
                values.add("\\N");
                continue;
            }
            values.add(switch (c.type()) {
                case BIGINT, TIMESTAMP -> String.valueOf(g.getLong(i, 0));
                case INTEGER, DATE -> String.valueOf(g.getInteger(i, 0));
                case DOUBLE -> real(g.getDouble(i, 0));
                case VARCHAR, TEXT -> text(g.getString(i, 0));
                case BOOLEAN -> String.valueOf(g.getBoolean(i, 0));
            });
        }
        return values;
    }
}
