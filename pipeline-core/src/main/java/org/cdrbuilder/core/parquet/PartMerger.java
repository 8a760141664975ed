package org.cdrbuilder.core.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;




import org.cdrbuilder.schema.TableDef;

/**
 * Concatenates a table's work parts into release part files by copying their row groups as they are (no decoding),
 * starting a new part file when the current one would exceed the target size. Empty parts are skipped; a table
 * with no rows gets one empty part file so that its schema is still published.
 */
public final class PartMerger {
    private PartMerger() {
    }

    /** A written release file. */
    public record Part(Path path, long rows, long bytes) {
    }

    public static List<Part> merge(TableDef table, List<Path> inputs, Path dir, long targetBytes, ParquetOptions options) {
        List<Part> out = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            List<Path> nonEmpty = inputs.stream().filter(p -> RowParquetReader.countRows(p) > 0).toList();
            if (nonEmpty.isEmpty()) {
                Path target = dir.resolve(name(0));
                RowParquetWriter.open(target, table, options).close();
                out.add(new Part(target, 0, Files.size(target)));
                return out;
            }
            int index = 0;
            int i = 0;
            while (i < nonEmpty.size()) {
                Path target = dir.resolve(name(index++));
                Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
                Files.deleteIfExists(temp);
                MessageType schema = ParquetSchemas.messageType(table, options.idBits());
                ParquetFileWriter w = new ParquetFileWriter(new LocalOutputFile(temp), schema,
                        ParquetFileWriter.Mode.CREATE, options.rowGroupBytes(), 0);
                w.start();
                long bytes = 0;
                long rows = 0;
                do {
                    Path in = nonEmpty.get(i++);
                    try (ParquetFileReader r = ParquetFileReader.open(new ChannelInputFile(in),
                            org.apache.parquet.HadoopFreeReadOptions.create(new NoCodecs()))) {
                        if (!r.getFooter().getFileMetaData().getSchema().equals(schema)) {
                            throw new IllegalStateException(in + " does not have the schema of " + table.name()
                                    + " with " + options.idBits() + "-bit row ids");
                        }
                        r.appendTo(w);
                        rows += r.getRecordCount();
                    }
                    bytes += Files.size(in);
                } while (i < nonEmpty.size() && bytes + Files.size(nonEmpty.get(i)) <= targetBytes);
                w.end(Map.of());
                Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                out.add(new Part(target, rows, Files.size(target)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write release files of " + table.name() + " in " + dir, e);
        }
    }

    /** File name of the i-th release part. */
    public static String name(int i) {
        return String.format("part-%05d.parquet", i);
    }

    /** Row groups are copied compressed; no codec is ever used. */
    private static final class NoCodecs implements org.apache.parquet.compression.CompressionCodecFactory {
        @Override
        public BytesInputCompressor getCompressor(org.apache.parquet.hadoop.metadata.CompressionCodecName codecName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BytesInputDecompressor getDecompressor(org.apache.parquet.hadoop.metadata.CompressionCodecName codecName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release() {
        }
    }
}
