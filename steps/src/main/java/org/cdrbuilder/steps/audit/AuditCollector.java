package org.cdrbuilder.steps.audit;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.steps.qa.facts.FactCollector;
import org.cdrbuilder.steps.qa.facts.Facts;

/**
 * The privacy audit of one table riding on the QA scan of a tier's candidate, so that the build reads each row of a
 * tier once for both: every column is decoded (the audit looks at all of them), every row goes through the
 * audit's checks in the same order as its own read would take them, and the result is ready when the scan ends.
 */
public final class AuditCollector implements FactCollector {
    private final ReleaseAudit.TableAudit audit;
    private final Set<String> columns = new LinkedHashSet<>();
    private ReleaseAudit.TableResult result;

    AuditCollector(ReleaseAudit.TableAudit audit) {
        this.audit = requireNonNull(audit, "audit is null");
        for (ColumnDef c : audit.table().columns()) {
            columns.add(c.name());
        }
    }

    @Override
    public String table() {
        return audit.table().name();
    }

    @Override
    public Set<String> columns() {
        return columns;
    }

    @Override
    public void startFile(Path file) {
        audit.startFile(file);
    }

    @Override
    public void accept(Row row) {
        audit.row(row);
    }

    @Override
    public void publish(Facts facts) {
        result = audit.finish();
    }

    /** What the audit of the table found; throws when the scan did not end. */
    public ReleaseAudit.TableResult result() {
        if (result == null) {
            throw new IllegalStateException("the scan of " + table() + " did not finish");
        }
        return result;
    }
}
