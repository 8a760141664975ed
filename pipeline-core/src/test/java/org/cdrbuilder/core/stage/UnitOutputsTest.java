package org.cdrbuilder.core.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitOutputsTest {
    private final TableDef death = CdrSchema.get().table("death");

    private Path earlierPart(Path dir) {
        Path file = dir.resolve("earlier/data/death/u1.parquet");
        try (RowParquetWriter w = RowParquetWriter.open(file, death, ParquetOptions.WORK)) {
            w.write(new Row(death).set("person_id", 1L).set("death_date", java.time.LocalDate.of(2020, 1, 1))
                    .set("death_type_concept_id", 32817));
        }
        return file;
    }

    @Test
    void link_appearsOnCommit_withTheSameBytes(@TempDir Path dir) throws Exception {
        WorkLayout layout = new WorkLayout(dir);
        Path existing = earlierPart(dir);
        Path target = layout.output("later", "death", "u1");
        try (UnitOutputs out = new UnitOutputs(layout, "later", "u1", ParquetOptions.WORK)) {
            assertThat(out.link(death, existing)).isTrue(); // same file system: a hard link
            assertThat(target).doesNotExist();
            out.commit();
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(Files.readAllBytes(existing));
        assertThat(Files.isSameFile(target, existing)).isTrue();
        assertThat(layout.outputs("later", "death")).containsExactly(target);
    }

    @Test
    void link_isThrownAwayOnAbort(@TempDir Path dir) {
        WorkLayout layout = new WorkLayout(dir);
        Path existing = earlierPart(dir);
        try (UnitOutputs out = new UnitOutputs(layout, "later", "u1", ParquetOptions.WORK)) {
            out.link(death, existing);
        }
        assertThat(layout.stageDir("later").resolve("data/death")).isEmptyDirectory();
        assertThat(existing).exists();
    }

    @Test
    void link_refusesATableTheUnitAlreadyWrites(@TempDir Path dir) {
        WorkLayout layout = new WorkLayout(dir);
        Path existing = earlierPart(dir);
        try (UnitOutputs out = new UnitOutputs(layout, "later", "u1", ParquetOptions.WORK)) {
            out.writer(death);
            assertThatThrownBy(() -> out.link(death, existing)).isInstanceOf(IllegalStateException.class);
        }
    }
}
