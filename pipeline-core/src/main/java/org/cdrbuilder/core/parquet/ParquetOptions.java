package org.cdrbuilder.core.parquet;

/**
 * How Parquet files are written.
 *
 * @param zstdLevel zstd compression level (1 fast ... 19 small)
 * @param dataPageV2 true for Parquet 2 data pages and encodings (smaller, faster); false for the most widely
 *                   readable v1 pages
 * @param rowGroupBytes target row-group size in bytes; bounds the writer's memory per open file
 * @param idBits physical width of INTEGER row-id columns ({@link org.cdrbuilder.schema.TableDef#isRowId}): 32, as
 *               OMOP CDM 5.4 declares them (a value that does not fit fails the write, naming table and column),
 *               or 64 for a release configured with 64-bit ids (docs/IDS.md). BIGINT columns are always 64-bit.
 */
public record ParquetOptions(int zstdLevel, boolean dataPageV2, long rowGroupBytes, int idBits) {
    /** Work files between stages: fast compression, v2 pages, 32 MB row groups. */
    public static final ParquetOptions WORK = new ParquetOptions(1, true, 32L << 20);
    /** Published files: v1 pages for the widest reader support (BigQuery, older Spark), 128 MB row groups. */
    public static final ParquetOptions RELEASE = new ParquetOptions(3, false, 128L << 20);

    public ParquetOptions {
        ZstdCodecFactory.checkLevel(zstdLevel);
        if (rowGroupBytes < (1 << 20)) {
            throw new IllegalArgumentException("row group must be at least 1 MB: " + rowGroupBytes);
        }
        if (idBits != 32 && idBits != 64) {
            throw new IllegalArgumentException("row ids are 32 or 64 bits, not " + idBits);
        }
    }

    /** Options with 32-bit row ids (OMOP CDM 5.4). */
    public ParquetOptions(int zstdLevel, boolean dataPageV2, long rowGroupBytes) {
        this(zstdLevel, dataPageV2, rowGroupBytes, 32);
    }

    /** The same options with row ids of another width. */
    public ParquetOptions withIdBits(int bits) {
        return bits == idBits ? this : new ParquetOptions(zstdLevel, dataPageV2, rowGroupBytes, bits);
    }

    /** The largest row id the options can write. */
    public long maxRowId() {
        return idBits == 32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
    }
}
