package org.cdrbuilder.steps.harmonize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.UnitOutputs;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.common.ParticipantPortal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A staged Fitbit file that harmonization has nothing to change in (no ids, links, provenance or concepts, and the
 * footer proves every row already names the portal) is taken as it is, not rewritten; any other file is rewritten.
 */
class ParticipantSourceLinkTest {
    @TempDir
    Path tmp;

    @Test
    void aFileWithNothingToChange_isLinked_andOneWithAnotherSource_isRewritten() throws Exception {
        TableDef steps = CdrSchema.get().table("steps_intraday");
        Path portal = staged(steps, "fitbit.a", ParticipantPortal.SOURCE_ID, 5000);
        Path other = staged(steps, "fitbit.b", "something else", 3);

        Row[] linked = harmonize("fitbit.a", portal, steps, 5000);
        assertThat(Files.isSameFile(portal, tmp.resolve("work/harmonize/data/steps_intraday/fitbit.a.parquet"))).isTrue();
        assertThat(Files.getAttribute(portal, "unix:nlink")).isEqualTo(2);
        assertThat(linked[0].get("src_id")).isEqualTo(ParticipantPortal.SOURCE_ID);

        Row[] rewritten = harmonize("fitbit.b", other, steps, 3);
        Path out = tmp.resolve("work/harmonize/data/steps_intraday/fitbit.b.parquet");
        assertThat(Files.isSameFile(other, out)).isFalse();
        assertThat(rewritten).extracting(r -> r.get("src_id")).containsOnly(ParticipantPortal.SOURCE_ID);
        assertThat(rewritten).extracting(r -> r.get("steps")).containsExactly(0.0, 1.0, 2.0);
    }

    private Path staged(TableDef table, String unit, String src, int rows) {
        Path file = tmp.resolve("work/ingest/data/" + table.name() + "/" + unit + ".parquet");
        try (RowParquetWriter w = RowParquetWriter.open(file, table, ParquetOptions.WORK)) {
            for (int i = 0; i < rows; i++) {
                w.write(new Row(table).set("person_id", 300000001L).set("datetime",
                        LocalDateTime.of(2026, 9, 1, 0, 0).plusMinutes(i)).set("steps", (double) i).set("src_id", src));
            }
        }
        return file;
    }

    private Row[] harmonize(String unit, Path staged, TableDef table, long rows) {
        WorkLayout layout = new WorkLayout(tmp.resolve("work"));
        UnitReport report = new UnitReport();
        ParticipantSourceHarmonizer h = new ParticipantSourceHarmonizer("fitbit", unit,
                Vocabulary.builder(java.util.Set.of()).build(), Map.of(), Map.of());
        try (UnitOutputs out = new UnitOutputs(layout, "harmonize", unit, ParquetOptions.WORK)) {
            h.run(t -> t.equals(table.name()) ? staged : tmp.resolve("missing.parquet"), out, report, () -> { });
            out.commit();
        }
        assertThat(report.table(table.name()).in).isEqualTo(rows);
        assertThat(report.table(table.name()).out).isEqualTo(rows);
        List<Row> read = new ArrayList<>();
        RowParquetReader.forEach(List.of(layout.output("harmonize", table.name(), unit)), table, null, read::add);
        assertThat(read).hasSize((int) rows);
        return read.toArray(new Row[0]);
    }
}
