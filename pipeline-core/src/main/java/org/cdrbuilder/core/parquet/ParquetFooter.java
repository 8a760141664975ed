package org.cdrbuilder.core.parquet;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.schema.MessageType;

/**
 * What a Parquet file's footer says about it: its schema, row count and row groups. Reading it costs one seek to
 * the end of the file; no page is decoded.
 *
 * @param schema the file's schema as written
 * @param rows rows in the file, summed over its row groups
 * @param rowGroups number of row groups
 */
public record ParquetFooter(MessageType schema, long rows, int rowGroups) {

    /** Reads the footer of {@code file}; throws {@link IOException} when the file is not a readable Parquet file. */
    public static ParquetFooter read(Path file) throws IOException {
        ZstdCodecFactory codecs = new ZstdCodecFactory(1);
        try (ParquetFileReader reader = ParquetFileReader.open(new ChannelInputFile(file),
                HadoopFreeReadOptions.create(codecs))) {
            long rows = 0;
            for (BlockMetaData b : reader.getFooter().getBlocks()) {
                rows += b.getRowCount();
            }
            return new ParquetFooter(reader.getFooter().getFileMetaData().getSchema(), rows,
                    reader.getFooter().getBlocks().size());
        } catch (RuntimeException e) {
            // parquet-java reports some corrupt footers as runtime exceptions
            throw new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        } finally {
            codecs.release();
        }
    }
}
