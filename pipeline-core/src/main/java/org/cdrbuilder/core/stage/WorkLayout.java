package org.cdrbuilder.core.stage;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Where a build keeps its intermediate files, under {@code <work>/<version>/}:
 * <pre>
 *   &lt;stage&gt;/data/&lt;table&gt;/&lt;unit&gt;.parquet   rows a unit produced for a table
 *   &lt;stage&gt;/units/&lt;unit&gt;.json               the unit's report; its presence marks the unit done
 *   &lt;stage&gt;/quarantine/&lt;unit&gt;.parquet       rows the unit quarantined
 *   &lt;stage&gt;/sandbox/&lt;table&gt;/&lt;unit&gt;.parquet rows a unit removed or changed (cleaning)
 *   state/                                   small files shared between stages
 * </pre>
 */
public final class WorkLayout {
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path root;

    public WorkLayout(Path root) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path stageDir(String stage) {
        return root.resolve(stage);
    }

    public Path output(String stage, String table, String unitId) {
        return stageDir(stage).resolve("data").resolve(table).resolve(unitId + ".parquet");
    }

    public Path sandbox(String stage, String table, String unitId) {
        return stageDir(stage).resolve("sandbox").resolve(table).resolve(unitId + ".parquet");
    }

    public Path quarantine(String stage, String unitId) {
        return stageDir(stage).resolve("quarantine").resolve(unitId + ".parquet");
    }

    public Path report(String stage, String unitId) {
        return stageDir(stage).resolve("units").resolve(unitId + ".json");
    }

    public Path state(String name) {
        return root.resolve("state").resolve(name);
    }

    /** Output files of a table in a stage, sorted by unit id (the deterministic part order). */
    public List<Path> outputs(String stage, String table) {
        return parquetFiles(stageDir(stage).resolve("data").resolve(table));
    }

    public List<Path> sandboxFiles(String stage, String table) {
        return parquetFiles(stageDir(stage).resolve("sandbox").resolve(table));
    }

    public List<Path> quarantineFiles(String stage) {
        return parquetFiles(stageDir(stage).resolve("quarantine"));
    }

    /** Tables for which a stage wrote any output. */
    public List<String> outputTables(String stage) {
        Path dir = stageDir(stage).resolve("data");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> parquetFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")
                            && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes every output, sandbox, quarantine and report file of a unit (before re-running it). Only paths named
     * after the unit are touched, so units of the same stage can clear and write concurrently.
     */
    public void clearUnit(String stage, String unitId) {
        Path dir = stageDir(stage);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            for (String kind : new String[] {"data", "sandbox"}) {
                Path kindDir = dir.resolve(kind);
                if (!Files.isDirectory(kindDir)) {
                    continue;
                }
                List<Path> tables;
                try (Stream<Path> s = Files.list(kindDir)) {
                    tables = s.filter(Files::isDirectory).toList();
                }
                for (Path t : tables) {
                    Files.deleteIfExists(t.resolve(unitId + ".parquet"));
                    Files.deleteIfExists(t.resolve("." + unitId + ".parquet.tmp"));
                }
            }
            Files.deleteIfExists(quarantine(stage, unitId));
            Files.deleteIfExists(quarantine(stage, unitId).resolveSibling("." + unitId + ".parquet.tmp"));
            Files.deleteIfExists(report(stage, unitId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear outputs of unit " + unitId, e);
        }
    }

    public boolean isDone(String stage, String unitId) {
        return Files.isRegularFile(report(stage, unitId));
    }

    public void writeReport(String stage, UnitReport report) {
        writeJson(report(stage, report.unit), report);
    }

    public UnitReport readReport(String stage, String unitId) {
        return readJson(report(stage, unitId), UnitReport.class);
    }

    /** Reports of every finished unit of a stage, sorted by unit id. */
    public List<UnitReport> reports(String stage) {
        Path dir = stageDir(stage).resolve("units");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<UnitReport> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                out.add(readJson(p, UnitReport.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Writes JSON atomically (temp file + rename). */
    public static void writeJson(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            JSON.writeValue(java.nio.file.Files.newOutputStream(tmp), value);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static <T> T readJson(Path file, Class<T> type) {
        try {
            return JSON.readValue(java.nio.file.Files.newInputStream(file), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
