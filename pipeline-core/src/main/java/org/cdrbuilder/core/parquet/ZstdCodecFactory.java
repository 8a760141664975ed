package org.cdrbuilder.core.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;

/**
 * Parquet codecs without Hadoop: ZSTD (zstd-jni) for writing; ZSTD, SNAPPY and UNCOMPRESSED for reading.
 * Parquet's default factory loads Hadoop classes even for uncompressed data. One instance per writer or reader
 * (the zstd contexts are not thread-safe).
 */
final class ZstdCodecFactory implements CompressionCodecFactory {
    private final int level;
    private ZstdCompressor compressor;
    private ZstdDecompressor zstdDecompressor;

    ZstdCodecFactory(int level) {
        this.level = level;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        if (codecName == CompressionCodecName.UNCOMPRESSED) {
            return Uncompressed.INSTANCE;
        }
        if (codecName != CompressionCodecName.ZSTD) {
            throw new IllegalArgumentException("only ZSTD or UNCOMPRESSED output is supported, not " + codecName);
        }
        if (compressor == null) {
            compressor = new ZstdCompressor(level);
        }
        return compressor;
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        return switch (codecName) {
            case UNCOMPRESSED -> Uncompressed.INSTANCE;
            case SNAPPY -> SnappyDecompressor.INSTANCE;
            case ZSTD -> {
                if (zstdDecompressor == null) {
                    zstdDecompressor = new ZstdDecompressor();
                }
                yield zstdDecompressor;
            }
            default -> throw new IllegalArgumentException("unsupported Parquet codec " + codecName);
        };
    }

    @Override
    public void release() {
        if (compressor != null) {
            compressor.release();
            compressor = null;
        }
        if (zstdDecompressor != null) {
            zstdDecompressor.release();
            zstdDecompressor = null;
        }
    }

    private static final class ZstdCompressor implements BytesInputCompressor {
        private final ZstdCompressCtx ctx = new ZstdCompressCtx();

        ZstdCompressor(int level) {
            ctx.setLevel(level);
        }

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(ctx.compress(bytes.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.ZSTD;
        }

        @Override
        public void release() {
            ctx.close();
        }
    }

    private static final class ZstdDecompressor implements BytesInputDecompressor {
        private final ZstdDecompressCtx ctx = new ZstdDecompressCtx();

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            return BytesInput.from(ctx.decompress(bytes.toByteArray(), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            byte[] out = ctx.decompress(in, uncompressedSize);
            output.put(out);
        }

        @Override
        public void release() {
            ctx.close();
        }
    }

    private enum SnappyDecompressor implements BytesInputDecompressor {
        INSTANCE;

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            return BytesInput.from(Snappy.uncompress(bytes.toByteArray()));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(Snappy.uncompress(in));
        }

        @Override
        public void release() {
        }
    }

    private enum Uncompressed implements BytesInputCompressor, BytesInputDecompressor {
        INSTANCE;

        @Override
        public BytesInput compress(BytesInput bytes) {
            return bytes;
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.UNCOMPRESSED;
        }

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
    }

    static int checkLevel(int level) {
        if (level < Zstd.minCompressionLevel() || level > Zstd.maxCompressionLevel()) {
            throw new IllegalArgumentException("zstd level out of range: " + level);
        }
        return level;
    }
}
