package org.cdrbuilder.core.parquet;

/**
 * How Parquet files are written.
 *
 * @param zstdLevel zstd compression level (1 fast ... 19 small)
 * @param dataPageV2 true for Parquet 2 data pages and encodings (smaller, faster); false for the most widely
 *                   readable v1 pages
 * @param rowGroupBytes target row-group size in bytes; bounds the writer's memory per open file
 */
public record ParquetOptions(int zstdLevel, boolean dataPageV2, long rowGroupBytes) {
    /** Work files between stages: fast compression, v2 pages, 32 MB row groups. */
    public static final ParquetOptions WORK = new ParquetOptions(1, true, 32L << 20);
    /** Published files: v1 pages for the widest reader support (BigQuery, older Spark), 128 MB row groups. */
    public static final ParquetOptions RELEASE = new ParquetOptions(3, false, 128L << 20);

    public ParquetOptions {
        ZstdCodecFactory.checkLevel(zstdLevel);
        if (rowGroupBytes < (1 << 20)) {
            throw new IllegalArgumentException("row group must be at least 1 MB: " + rowGroupBytes);
        }
    }
}
