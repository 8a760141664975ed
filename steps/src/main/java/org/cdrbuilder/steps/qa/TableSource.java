package org.cdrbuilder.steps.qa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.schema.TableDef;

/** Where the Parquet files of each table are: a tier's release candidate in the work directory, or a release. */
@FunctionalInterface
public interface TableSource {
    /** The files of {@code table} in part order (empty when the table has none). */
    List<Path> parts(TableDef table);

    /** The current version of every table of a tier's candidate. */
    static TableSource candidate(WorkLayout layout, String tier) {
        ReleaseCandidate candidate = ReleaseCandidate.forTier(layout, tier);
        return t -> candidate.parts(t.name());
    }

    /** A published release: {@code <release>/omop/<table>/*.parquet} and {@code wearables/<table>/...}. */
    static TableSource release(Path releaseDir) {
        return t -> {
            Path dir = releaseDir.resolve(t.group().releaseFolder()).resolve(t.name());
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        };
    }
}
