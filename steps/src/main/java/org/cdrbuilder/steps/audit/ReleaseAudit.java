package org.cdrbuilder.steps.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.audit.checks.AgeLimit;
import org.cdrbuilder.steps.audit.checks.BirthDateYearOnly;
import org.cdrbuilder.steps.audit.checks.DatesShifted;
import org.cdrbuilder.steps.audit.checks.EmptyTables;
import org.cdrbuilder.steps.audit.checks.RegistryIdentifiers;
import org.cdrbuilder.steps.audit.checks.ResearchIds;
import org.cdrbuilder.steps.audit.checks.StatesShared;
import org.cdrbuilder.steps.audit.checks.SuppressedConcepts;
import org.cdrbuilder.steps.audit.checks.WithdrawnParticipants;

/**
 * The privacy audit: reads every row of every table of a tier's release once and runs the checks over it; in a
 * tier that shifts dates (and given the build's work files) each row is read in step with the row it was made from.
 * Plain Java: the build's audit stage runs it per table before publishing, {@code cdr audit} over a published
 * release.
 */
public final class ReleaseAudit {
    private ReleaseAudit() {
    }

    /** Every check, in report order. */
    public static List<AuditCheck> checks() {
        return List.of(new RegistryIdentifiers(), new BirthDateYearOnly(), new DatesShifted(), new AgeLimit(),
                new WithdrawnParticipants(), new SuppressedConcepts(), new ResearchIds(), new EmptyTables(), new StatesShared());
    }

    /** Whether a check must see all of the table at once (see {@link AuditCheck#needsWholeTable}). */
    public static boolean needsWholeTable(TableDef table) {
        return checks().stream().anyMatch(c -> c.needsWholeTable(table));
    }

    /** Audits one table: findings per check id, and the number of rows read. */
    public static TableResult auditTable(TableDef table, AuditContext ctx, List<AuditCheck> checks) {
        return auditParts(table, ctx, checks, ctx.release().apply(table.name()),
                ctx.sources() == null ? null : ctx.sources().apply(table.name()));
    }

    /**
     * Audits some of a table's part files, read in step with the parts their rows were made from.
     *
     * @param sourceParts the source parts of exactly these rows (the build pairs a tier's part with the shared part
     *                    it was made from), or null
     */
    public static TableResult auditParts(TableDef table, AuditContext ctx, List<AuditCheck> checks, List<Path> parts,
                                         List<Path> sourceParts) {
        try (TableAudit audit = new TableAudit(table, ctx, checks, sourceParts)) {
            if (audit.active()) {
                for (Path part : parts) {
                    audit.startFile(part);
                    try (RowParquetReader in = RowParquetReader.open(part, table)) {
                        while (in.hasNext()) {
                            audit.row(in.next());
                        }
                    }
                }
            }
            return audit.finish();
        }
    }

    /**
     * The audit of one table fed row by row, by its own reads ({@link #auditParts}) or by a scan that other readers
     * share (the QA scan of a tier's candidate): every file is announced with {@link #startFile} before its rows.
     * Not thread-safe.
     */
    public static final class TableAudit implements AutoCloseable {
        private final TableDef table;
        private final AuditContext ctx;
        private final AuditCheck[] checks;
        private final Findings[] findings;
        private final Map<String, Findings> byCheck;
        private final SourceRows sources;
        private final int personCol;
        private String file = "";
        private long index;
        private long rows;
        private boolean finished;
        private Object lastPersonId;
        private long lastParticipant = -1;

        /**
         * @param sourceParts the parts the table's rows were made from, in the same order (the build pairs a tier's
         *                    parts with the shared parts they were made from), or null
         */
        public TableAudit(TableDef table, AuditContext ctx, List<AuditCheck> checks, List<Path> sourceParts) {
            this.table = table;
            this.ctx = ctx;
            List<AuditCheck> active = new ArrayList<>();
            for (AuditCheck c : checks) {
                if (c.skipReason(ctx) == null && c.covers(table, ctx)) {
                    active.add(c);
                }
            }
            this.byCheck = AuditReport.emptyFor(checks);
            this.checks = active.toArray(new AuditCheck[0]);
            this.findings = new Findings[this.checks.length];
            for (int i = 0; i < this.checks.length; i++) {
                findings[i] = byCheck.get(this.checks[i].id());
            }
            boolean paired = sourceParts != null && ctx.keys() != null && ctx.profile().shiftDates
                    && DatesShifted.needsSource(table) && this.checks.length > 0;
            this.sources = paired ? new SourceRows(table, sourceParts) : null;
            this.personCol = table.indexOfOrMinus1("person_id");
        }

        /** Whether any check looks at this table's rows (when none does, rows need not be read). */
        public boolean active() {
            return checks.length > 0;
        }

        public TableDef table() {
            return table;
        }

        /** The rows that follow are those of this part file. */
        public void startFile(Path part) {
            file = relative(ctx.releaseRoot(), part);
            index = 0;
        }

        /** Audits the next row of the table. */
        public void row(Row row) {
            long participant = -1;
            if (personCol >= 0) {
                Object id = row.get(personCol);
                if (!java.util.Objects.equals(id, lastPersonId) || lastPersonId == null) {
                    // rows come in runs of one participant: look the research id up once per run
                    lastPersonId = id;
                    lastParticipant = ctx.participantOf(id);
                }
                participant = lastParticipant;
            }
            Row source = sources == null ? null : sources.match(row, participant);
            AuditedRow r = new AuditedRow(table, row, source, participant, file, index++);
            for (int i = 0; i < checks.length; i++) {
                checks[i].check(r, ctx, findings[i]);
            }
            rows++;
        }

        /** Ends the table (the checks that count across rows decide now): its findings and rows read. */
        public TableResult finish() {
            if (!finished) {
                finished = true;
                close();
                for (int i = 0; i < checks.length; i++) {
                    checks[i].tableDone(table, rows, file, ctx, findings[i]);
                }
            }
            return new TableResult(table.name(), byCheck, rows);
        }

        @Override
        public void close() {
            if (sources != null) {
                sources.close();
            }
        }
    }

    /** What the audit of one table found. */
    public record TableResult(String table, Map<String, Findings> findings, long rows) {
    }

    /**
     * Scans the text files of a release (manifest, QA and snapshot files) for registry identifiers, reporting them as
     * findings of the registry check under the pseudo-table {@code (files)}.
     */
    public static TableResult auditFiles(Path dir, Path root, AuditContext ctx, List<AuditCheck> checks) {
        Map<String, Findings> findings = AuditReport.emptyFor(checks);
        if (ctx.registry() == null || !Files.isDirectory(dir)) {
            return new TableResult("(files)", findings, 0);
        }
        Findings f = findings.get("registry_identifiers");
        long lines = 0;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).filter(x -> !x.toString().endsWith(".parquet")).sorted().toList()) {
                List<String> text;
                try {
                    text = Files.readAllLines(p, StandardCharsets.UTF_8);
                } catch (java.nio.charset.MalformedInputException e) {
                    continue; // not text
                }
                for (int i = 0; i < text.size(); i++) {
                    lines++;
                    String what = ctx.registry().anyonesIdentifier(text.get(i));
                    if (what != null) {
                        f.add("(files)", "", relative(root, p), i, "a participant's " + what + " from the registry");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + dir, e);
        }
        return new TableResult("(files)", findings, lines);
    }

    static String relative(Path root, Path p) {
        Path a = root.toAbsolutePath().normalize();
        Path b = p.toAbsolutePath().normalize();
        return (b.startsWith(a) ? a.relativize(b) : b).toString().replace('\\', '/');
    }

    /**
     * The rows a table's published rows were made from, in the same order with some removed: matched by row id, or
     * (tables keyed by person) by participant, one row after another.
     */
    private static final class SourceRows implements AutoCloseable {
        private final Iterator<Path> files;
        private final TableDef table;
        private final int idCol;
        private final int personCol;
        private RowParquetReader current;

        private final java.util.Set<String> projection = new java.util.HashSet<>();

        SourceRows(TableDef table, List<Path> parts) {
            this.table = table;
            this.files = parts.iterator();
            int pk = table.primaryKey().map(c -> table.indexOf(c.name())).orElse(-1);
            this.personCol = table.indexOfOrMinus1("person_id");
            this.idCol = pk >= 0 && pk != personCol ? pk : -1;
            // only what pairing and the date check read
            projection.add("person_id");
            if (idCol >= 0) {
                projection.add(table.column(idCol).name());
            }
            for (org.cdrbuilder.schema.ColumnDef c : table.columns()) {
                if (c.type() == org.cdrbuilder.schema.ColumnType.DATE || c.type() == org.cdrbuilder.schema.ColumnType.TIMESTAMP) {
                    projection.add(c.name());
                }
            }
        }

        private Row next() {
            while (current == null || !current.hasNext()) {
                if (current != null) {
                    current.close();
                    current = null;
                }
                if (!files.hasNext()) {
                    throw new NoSuchElementException();
                }
                current = RowParquetReader.open(files.next(), table, projection);
            }
            return current.next();
        }

        /** The source row of a published row, or null when none is left to match. */
        Row match(Row published, long participant) {
            try {
                if (idCol >= 0) {
                    Object id = published.get(idCol);
                    while (true) {
                        Row s = next();
                        if (s.get(idCol).equals(id)) {
                            return s;
                        }
                    }
                }
                while (true) {
                    Row s = next();
                    if (s.get(personCol) instanceof Long p && p == participant) {
                        return s;
                    }
                }
            } catch (NoSuchElementException e) {
                return null;
            }
        }

        @Override
        public void close() {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
