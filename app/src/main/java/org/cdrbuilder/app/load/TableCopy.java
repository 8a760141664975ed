package org.cdrbuilder.app.load;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.cdrbuilder.core.parquet.RowParquetReader;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;

/**
 * Streams one table's Parquet parts into its database table with one binary {@code COPY ... FROM STDIN}: row group by
 * row group, value by value from parquet-java's column readers into the COPY buffer; no row of the table is kept.
 * A value that does not fit its column stops the copy with the table, column, file and row named.
 */
final class TableCopy {
    private static final int BUFFER_BYTES = 1 << 20;
    private static final Pattern COPY_LINE = Pattern.compile("COPY [^,]+, line (\\d+)(?:, column ([^:]+))?");

    private final PGConnection connection;
    private final String schema;
    private final PublishedTier.Table table;
    private final List<DbColumn> columns;
    private final List<Long> partStarts = new ArrayList<>(); // first row of each part in the table (0-based)

    TableCopy(PGConnection connection, String schema, PublishedTier.Table table, List<DbColumn> columns) {
        this.connection = connection;
        this.schema = schema;
        this.table = table;
        this.columns = columns;
    }

    /** Copies every part; returns the rows the server took. */
    long run() throws SQLException {
        String sql = "COPY " + Sql.name(schema) + "." + Sql.name(table.name()) + " ("
                + columns.stream().map(c -> Sql.name(c.name())).collect(Collectors.joining(", "))
                + ") FROM STDIN (FORMAT binary, FREEZE)";
        CopyIn copy = connection.getCopyAPI().copyIn(sql);
        try {
            BinaryCopyWriter out = new BinaryCopyWriter(copy, BUFFER_BYTES);
            long row = 0;
            for (PublishedTier.Part part : table.parts()) {
                partStarts.add(row);
                row += copyPart(part, out, row);
            }
            out.finish();
            long taken = copy.endCopy();
            if (taken != row) {
                throw new ReleaseRejectedException("table " + table.name() + ": the database took " + taken + " of the "
                        + row + " rows read");
            }
            return taken;
        } catch (PSQLException e) {
            throw located(e);
        } finally {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the transaction is rolled back anyway
                }
            }
        }
    }

    private long copyPart(PublishedTier.Part part, BinaryCopyWriter out, long firstRow) throws SQLException {
        try (ParquetFileReader reader = RowParquetReader.openFileReader(part.file())) {
            MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
            List<ColumnCopier> copiers = copiers(part, fileSchema);
            String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
            long inPart = 0;
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new Ignored(fileSchema.getFieldCount()),
                        fileSchema, createdBy);
                for (ColumnCopier c : copiers) {
                    c.use(c.source() == null ? null : store.getColumnReader(c.source()));
                }
                int n = copiers.size();
                for (long i = 0, rows = pages.getRowCount(); i < rows; i++, inPart++) {
                    out.startTuple(n);
                    for (int k = 0; k < n; k++) {
                        ColumnCopier c = copiers.get(k);
                        try {
                            c.copy(out);
                        } catch (ColumnCopier.ValueRejected e) {
                            throw new ReleaseRejectedException(where(c.column().name(), part, inPart, firstRow + inPart) + ": "
                                    + "the value " + e.getMessage());
                        }
                    }
                }
            }
            return inPart;
        } catch (IOException e) {
            throw new ReleaseRejectedException("table " + table.name() + ": cannot read " + part.path() + ": " + e.getMessage(), e);
        }
    }

    /** One copier per database column, from the part's column of the same name (a part may order columns its own way). */
    private List<ColumnCopier> copiers(PublishedTier.Part part, MessageType fileSchema) {
        for (Type f : fileSchema.getFields()) {
            if (!f.isPrimitive() || f.isRepetition(Type.Repetition.REPEATED)) {
                throw new ReleaseRejectedException("table " + table.name() + ", column " + f.getName() + " in " + part.path()
                        + ": a nested or repeated Parquet column, which the schema does not declare");
            }
            if (columns.stream().noneMatch(c -> c.name().equals(f.getName()))) {
                throw new ReleaseRejectedException("table " + table.name() + " in " + part.path() + " has a column "
                        + f.getName() + " that the schema changelog of this cdr version does not declare");
            }
        }
        List<ColumnCopier> out = new ArrayList<>();
        for (DbColumn c : columns) {
            ColumnDescriptor d = fileSchema.containsField(c.name())
                    ? fileSchema.getColumnDescription(new String[] {c.name()}) : null;
            try {
                out.add(d == null ? ColumnCopier.absent(c) : ColumnCopier.of(c, d));
            } catch (ColumnCopier.ValueRejected e) {
                throw new ReleaseRejectedException("table " + table.name() + ", column " + c.name() + " in " + part.path()
                        + ": the column " + e.getMessage());
            }
            if (d == null && c.notNull()) {
                throw new ReleaseRejectedException("table " + table.name() + " in " + part.path() + " lacks column "
                        + c.name() + ", which is NOT NULL");
            }
        }
        return out;
    }

    private String where(String column, PublishedTier.Part part, long rowInPart, long rowInTable) {
        return "table " + table.name() + ", column " + column + ", row " + (rowInPart + 1) + " of " + part.path()
                + " (row " + (rowInTable + 1) + " of the table)";
    }

    /** A server error during the COPY, with the file and row its "line" is. */
    private RuntimeException located(PSQLException e) {
        String where = e.getServerErrorMessage() == null ? null : e.getServerErrorMessage().getWhere();
        Matcher m = where == null ? null : COPY_LINE.matcher(where);
        if (m == null || !m.find()) {
            return SqlFailures.classify(e, "copying table " + table.name());
        }
        long line = Long.parseLong(m.group(1)) - 1;
        int p = partStarts.size() - 1;
        while (p > 0 && partStarts.get(p) > line) {
            p--;
        }
        PublishedTier.Part part = table.parts().get(Math.max(p, 0));
        String column = m.group(2) != null ? m.group(2) : "?";
        String message = where(column, part, line - partStarts.get(Math.max(p, 0)), line) + ": PostgreSQL refused the value: "
                + e.getServerErrorMessage().getMessage();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("22") || state.startsWith("23") ? new ReleaseRejectedException(message, e)
                : SqlFailures.classify(e, message);
    }

    /** parquet-java's column readers want converters; values are read from the readers directly. */
    private static final class Ignored extends GroupConverter {
        private final Converter[] fields;

        Ignored(int n) {
            fields = new Converter[n];
            for (int i = 0; i < n; i++) {
                fields[i] = new PrimitiveConverter() { };
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return fields[fieldIndex];
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }
}
