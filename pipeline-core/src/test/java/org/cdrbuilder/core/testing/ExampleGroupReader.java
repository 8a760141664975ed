package org.cdrbuilder.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a Parquet file with parquet-java's generic record reader (its example {@link Group}s over
 * {@link ParquetFileReader} and {@link LocalInputFile}): a second reader beside DuckDB that shares no code with this
 * project's own {@code RowParquetReader}. Pages are decoded with zstd-jni directly, as parquet-java's own codecs
 * need Hadoop.
 */
public final class ExampleGroupReader {
    private ExampleGroupReader() {
    }

    /** Every record of {@code file}, in file order. */
    public static void forEach(Path file, Consumer<Group> action) {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                HadoopFreeReadOptions.create(new ZstdDecompression()))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    action.accept(records.read());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** ZSTD and uncompressed pages. */
    private static final class ZstdDecompression implements CompressionCodecFactory {
        private static final BytesInputDecompressor ZSTD = new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return BytesInput.from(com.github.luben.zstd.Zstd.decompress(bytes.toByteArray(), uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(com.github.luben.zstd.Zstd.decompress(in, uncompressedSize));
            }

            @Override
            public void release() {
            }
        };

        private static final BytesInputDecompressor NONE = new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
                return bytes;
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
                ByteBuffer slice = input.slice();
                slice.limit(compressedSize);
                output.put(slice);
            }

            @Override
            public void release() {
            }
        };

        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
            return switch (codecName) {
                case ZSTD -> ZSTD;
                case UNCOMPRESSED -> NONE;
                default -> throw new UnsupportedOperationException("no " + codecName + " decoder here");
            };
        }

        @Override
        public void release() {
        }
    }
}
