package org.cdrbuilder.core.io;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * A comma- or tab-separated text file with a header row, read as a stream of records that keep their line numbers.
 * The delimiter is detected from the header line; {@code .gz} files are decompressed; a UTF-8 BOM is skipped.
 * Tab-separated files are read without quoting (the Athena vocabulary export does not quote and its names contain
 * quote characters). The SHA-256 of the raw bytes is computed while reading, for input fingerprints.
 */
public final class DelimitedFile implements Closeable, Iterator<DelimitedFile.Record> {

    /** One data record: its 1-based starting line number and its fields. */
    public record Record(long line, String[] fields) {
        public int size() {
            return fields.length;
        }

        public String field(int i) {
            return i < fields.length ? fields[i] : null;
        }
    }

    private final Path path;
    private final DigestInputStream digestStream;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final List<String> header;
    private final char delimiter;
    private Record next;

    private DelimitedFile(Path path, boolean comments) throws IOException {
        this.path = path;
        char detected = detectDelimiter(path, comments);
        this.delimiter = detected;
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.digestStream = new DigestInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16), sha);
        InputStream in = path.getFileName().toString().endsWith(".gz")
                ? new BufferedInputStream(new GZIPInputStream(digestStream, 1 << 16), 1 << 16) : digestStream;
        CsvReader.CsvReaderBuilder b = CsvReader.builder()
                .fieldSeparator(detected)
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .detectBomHeader(true);
        if (detected == '\t') {
            b.quoteCharacter('\u0001');
        }
        if (comments) {
            b.commentStrategy(de.siegmar.fastcsv.reader.CommentStrategy.SKIP).commentCharacter('#');
        }
        this.reader = b.ofCsvRecord(in, StandardCharsets.UTF_8);
        this.records = reader.iterator();
        if (!records.hasNext()) {
            this.header = List.of();
        } else {
            this.header = records.next().getFields().stream().map(String::trim).toList();
        }
    }

    /** Opens a file; a file with no lines has an empty header and no records. */
    public static DelimitedFile open(Path path) {
        return open(path, false);
    }

    /**
     * Opens a configuration file: lines starting with {@code #} (before or after the header) are comments.
     * Input files have no comments: a {@code #} there is data.
     */
    public static DelimitedFile openConfig(Path path) {
        return open(path, true);
    }

    private static DelimitedFile open(Path path, boolean comments) {
        requireNonNull(path, "path is null");
        try {
            return new DelimitedFile(path, comments);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static char detectDelimiter(Path path, boolean comments) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path));
             InputStream in = path.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            byte[] head = in.readNBytes(1 << 16);
            int tabs = 0;
            int commas = 0;
            boolean lineStart = true;
            boolean comment = false;
            for (byte b : head) {
                if (lineStart && comments && b == '#') {
                    comment = true;
                }
                lineStart = b == '\n';
                if (comment) {
                    comment = b != '\n';
                    continue;
                }
                if (b == '\n') {
                    break;
                }
                if (b == '\t') {
                    tabs++;
                } else if (b == ',') {
                    commas++;
                }
            }
            return tabs > commas ? '\t' : ',';
        }
    }

    public Path path() {
        return path;
    }

    public char delimiter() {
        return delimiter;
    }

    /** Column names of the header row, trimmed, as written. */
    public List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        try {
            if (!records.hasNext()) {
                return false;
            }
            CsvRecord r = records.next();
            String[] fields = r.getFields().toArray(new String[0]);
            next = new Record(r.getStartingLineNumber(), fields);
            return true;
        } catch (CsvParseException e) {
            throw new MalformedFileException(path, e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new MalformedFileException(path, e.getMessage(), e);
        }
    }

    @Override
    public Record next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Record r = next;
        next = null;
        return r;
    }

    /** SHA-256 of the bytes read so far (of the whole file once every record was read), as hex. */
    public String sha256() {
        return HexFormat.of().formatHex(digestStream.getMessageDigest().digest());
    }

    /** Reads what is left of the raw file into the digest (after a failure, so that the fingerprint is complete). */
    public void drainForDigest() {
        try {
            digestStream.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path, e);
        }
    }
}
