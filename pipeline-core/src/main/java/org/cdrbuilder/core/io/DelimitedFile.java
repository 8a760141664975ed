package org.cdrbuilder.core.io;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * A comma- or tab-separated text file with a header row, read as a stream of records that keep their line numbers,
 * where every physical line is accounted for: each non-blank line after the header belongs to exactly one record,
 * good or malformed. The delimiter is detected from the header line; {@code .gz} files are decompressed; a UTF-8 BOM
 * is skipped. The SHA-256 of the raw bytes is computed while reading, for input fingerprints.
 *
 * <p>Comma-separated files are quoted as RFC 4180 says ({@code "a ""b"", c"}). A quoted field may span lines only when
 * the quoting really says so: it closes within {@value #MAX_SPAN_LINES} lines and {@value #MAX_FIELD_CHARS}
 * characters, and the record it makes has as many fields as the header. Otherwise the line where the quote opened is
 * one malformed record (unbalanced quote) and reading resumes at the next line, so that one stray quote never
 * swallows the rest of a file. Tab-separated files are read without quoting (the Athena vocabulary export does not
 * quote and its names contain quote characters).
 *
 * <p>A line that is not valid UTF-8, or holds a control character other than tab, is a malformed record naming the
 * byte offset (in the file) of the first bad byte; nothing is decoded with replacement characters.
 */
public final class DelimitedFile implements Closeable, Iterator<DelimitedFile.Record> {
    /** Lines a quoted field may span. */
    static final int MAX_SPAN_LINES = 100;
    /** Characters a quoted field spanning lines may hold. */
    static final int MAX_FIELD_CHARS = 1 << 20;
    /** A single physical line longer than this is malformed (it is skipped, not held). */
    static final int MAX_LINE_BYTES = 16 << 20;

    /**
     * One record: its 1-based starting line number and its fields, or (for a malformed record) the reason and the
     * lines it covers.
     */
    public record Record(long line, String[] fields, String error, int lines) {
        public Record(long line, String[] fields) {
            this(line, fields, null, 1);
        }

        public int size() {
            return fields == null ? 0 : fields.length;
        }

        public String field(int i) {
            return fields != null && i < fields.length ? fields[i] : null;
        }

        /** True when the line could not be read as a record; {@link #error()} says why. */
        public boolean malformed() {
            return error != null;
        }
    }

    /** A physical line: its bytes decoded (or the reason it could not be), its number and byte offset. */
    private record Line(String text, long number, long offset, String error) {
    }

    private final Path path;
    private final DigestInputStream digestStream;
    private final InputStream in;
    private final char delimiter;
    private final boolean quoted;
    private final boolean comments;
    private final List<String> header;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private long offset;
    private long lineNumber;
    private byte[] lineBytes = new byte[256];
    /** Lines read ahead while looking for the end of a quoted field, to be read again. */
    private final java.util.ArrayDeque<Line> pushedBack = new java.util.ArrayDeque<>();
    private Record next;
    private long blankLines;

    private DelimitedFile(Path path, boolean comments) throws IOException {
        this.path = path;
        this.comments = comments;
        char detected = detectDelimiter(path, comments);
        this.delimiter = detected;
        this.quoted = detected != '\t';
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.digestStream = new DigestInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16), sha);
        this.in = path.getFileName().toString().endsWith(".gz")
                ? new GZIPInputStream(digestStream, 1 << 16) : digestStream;
        skipBom();
        List<String> h = List.of();
        while (true) {
            Line l = readLine();
            if (l == null) {
                break;
            }
            if (l.text() == null || l.text().isBlank() || (comments && l.text().startsWith("#"))) {
                continue;
            }
            Record r = parse(l);
            if (r.malformed()) {
                throw new MalformedFileException(path, "header line " + l.number() + ": " + r.error(), null);
            }
            h = Arrays.stream(r.fields()).map(String::trim).toList();
            break;
        }
        this.header = h;
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

    /** Blank lines after the header (they hold no record and are not counted as rows). */
    public long blankLines() {
        return blankLines;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        try {
            while (true) {
                Line l = pushedBack.isEmpty() ? readLine() : pushedBack.poll();
                if (l == null) {
                    return false;
                }
                if (l.error() == null && (l.text().isEmpty() || l.text().isBlank()
                        || (comments && l.text().startsWith("#")))) {
                    blankLines++;
                    continue;
                }
                next = l.error() != null ? new Record(l.number(), null, l.error(), 1) : parse(l);
                return true;
            }
        } catch (IOException e) {
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

    /** Parses a record starting at line {@code first}, reading further lines only for a quoted field that spans them. */
    private Record parse(Line first) throws IOException {
        String text = first.text();
        if (!quoted || text.indexOf('"') < 0) {
            return new Record(first.number(), split(text, delimiter));
        }
        List<Line> taken = new ArrayList<>();
        StringBuilder record = new StringBuilder(text);
        List<String> fields = new ArrayList<>();
        while (true) {
            ParseState st = parseQuoted(record, fields);
            if (st.error != null) {
                pushBack(taken);
                return new Record(first.number(), null, taken.isEmpty() ? st.error
                        : "unbalanced quote: the quoted field opened on this line does not close on it", 1);
            }
            if (!st.openAtEnd) {
                int expected = header == null || header.isEmpty() ? -1 : header.size();
                if (!taken.isEmpty() && expected >= 0 && fields.size() != expected) {
                    // the quote that spans lines does not make a record of the header's width: a stray quote
                    pushBack(taken);
                    return new Record(first.number(), null, "unbalanced quote: the quoted field opened on this line "
                            + "does not close on it", 1);
                }
                return new Record(first.number(), fields.toArray(new String[0]), null, 1 + taken.size());
            }
            Line more = taken.size() < MAX_SPAN_LINES && record.length() < MAX_FIELD_CHARS ? nextRaw() : null;
            if (more == null || more.error() != null) {
                if (more != null) {
                    taken.add(more);
                }
                pushBack(taken);
                return new Record(first.number(), null, "unbalanced quote: the quoted field opened on this line "
                        + "does not close on it", 1);
            }
            taken.add(more);
            record.append('\n').append(more.text());
            fields.clear();
        }
    }

    private Line nextRaw() throws IOException {
        return pushedBack.isEmpty() ? readLine() : pushedBack.poll();
    }

    private void pushBack(List<Line> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            pushedBack.addFirst(lines.get(i));
        }
    }

    private static final class ParseState {
        boolean openAtEnd;
        String error;
    }

    /** RFC 4180 fields of {@code s} into {@code out}; says whether a quoted field is still open at the end. */
    private ParseState parseQuoted(CharSequence s, List<String> out) {
        ParseState st = new ParseState();
        StringBuilder field = new StringBuilder();
        int n = s.length();
        int i = 0;
        boolean inQuotes = false;
        while (i < n) {
            char c = s.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                    i++;
                    // after a closing quote: a delimiter or the end of the record (blanks tolerated)
                    while (i < n && s.charAt(i) == ' ') {
                        i++;
                    }
                    if (i < n && s.charAt(i) != delimiter) {
                        st.error = "a closing quote is followed by text (column " + (out.size() + 1) + ")";
                        return st;
                    }
                    continue;
                }
                field.append(c);
                i++;
                continue;
            }
            if (c == delimiter) {
                out.add(field.toString());
                field.setLength(0);
                i++;
                continue;
            }
            if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                inQuotes = true;
                i++;
                continue;
            }
            field.append(c);
            i++;
        }
        if (inQuotes) {
            st.openAtEnd = true;
            return st;
        }
        out.add(field.toString());
        return st;
    }

    private static String[] split(String line, char delimiter) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == delimiter) {
                out.add(line.substring(start, i));
                start = i + 1;
            }
        }
        out.add(line.substring(start));
        return out.toArray(new String[0]);
    }

    private void skipBom() throws IOException {
        fill();
        if (limit - pos >= 3 && (buf[pos] & 0xff) == 0xEF && (buf[pos + 1] & 0xff) == 0xBB && (buf[pos + 2] & 0xff) == 0xBF) {
            pos += 3;
            offset += 3;
        }
    }

    private void fill() throws IOException {
        if (pos < limit || eof) {
            return;
        }
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            eof = true;
            limit = pos = 0;
        } else {
            pos = 0;
            limit = n;
        }
    }

    /** The next physical line (without its line break), decoded strictly; null at the end of the file. */
    private Line readLine() throws IOException {
        fill();
        if (eof && pos >= limit) {
            return null;
        }
        long start = offset;
        int len = 0;
        boolean tooLong = false;
        while (true) {
            fill();
            if (eof && pos >= limit) {
                break;
            }
            int i = pos;
            while (i < limit && buf[i] != '\n') {
                i++;
            }
            int chunk = i - pos;
            if (!tooLong) {
                if (len + chunk > MAX_LINE_BYTES) {
                    tooLong = true;
                } else {
                    if (len + chunk > lineBytes.length) {
                        lineBytes = Arrays.copyOf(lineBytes, Math.max(lineBytes.length * 2, len + chunk));
                    }
                    System.arraycopy(buf, pos, lineBytes, len, chunk);
                }
            }
            len += chunk;
            offset += chunk;
            pos = i;
            if (i < limit) { // the line break
                pos++;
                offset++;
                break;
            }
        }
        lineNumber++;
        if (tooLong) {
            return new Line(null, lineNumber, start, "line longer than " + MAX_LINE_BYTES + " bytes");
        }
        int end = len > 0 && lineBytes[len - 1] == '\r' ? len - 1 : len;
        return decode(end, start);
    }

    private Line decode(int len, long start) {
        boolean ascii = true;
        for (int i = 0; i < len; i++) {
            int b = lineBytes[i];
            if (b < 0) {
                ascii = false;
            } else if (b < 0x20 && b != '\t') {
                return new Line(null, lineNumber, start, "control character 0x"
                        + String.format("%02x", b) + " at byte offset " + (start + i));
            } else if (b == 0x7f) {
                return new Line(null, lineNumber, start, "control character 0x7f at byte offset " + (start + i));
            }
        }
        if (ascii) {
            return new Line(new String(lineBytes, 0, len, StandardCharsets.ISO_8859_1), lineNumber, start, null);
        }
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(lineBytes, 0, len));
            return new Line(chars.toString(), lineNumber, start, null);
        } catch (CharacterCodingException e) {
            return new Line(null, lineNumber, start, "not valid UTF-8 at byte offset " + (start + firstBadByte(len)));
        }
    }

    /** The index of the first byte that does not start or continue a valid UTF-8 sequence. */
    private int firstBadByte(int len) {
        int i = 0;
        while (i < len) {
            int b = lineBytes[i] & 0xff;
            int need;
            if (b < 0x80) {
                i++;
                continue;
            } else if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
            } else {
                return i;
            }
            for (int k = 1; k <= need; k++) {
                if (i + k >= len || (lineBytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += need + 1;
        }
        return 0; // valid by this scan (an overlong or surrogate form): the line's first byte
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
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path, e);
        }
    }
}
