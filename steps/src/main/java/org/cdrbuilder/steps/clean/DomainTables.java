package org.cdrbuilder.steps.clean;

import java.util.Map;
import java.util.Optional;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

/**
 * The OMOP event tables by domain, and how a row becomes a row of another event table when its concept belongs
 * there (domain alignment): the same person, dates, type, visit, source values; values and units where both
 * tables have them; NOT NULL end dates of the target filled with the start date.
 */
public final class DomainTables {
    /** The table of each domain whose rows can move (tables the changelog marks {@code cdr:alignable}). */
    public static final Map<String, String> TABLE_OF_DOMAIN;

    /** Column of each role, per alignable table (the changelog's {@code cdr:roles}). */
    private static final Map<String, Map<String, String>> ROLES;

    static {
        Map<String, String> byDomain = new java.util.LinkedHashMap<>();
        Map<String, Map<String, String>> roles = new java.util.LinkedHashMap<>();
        for (org.cdrbuilder.schema.TableDef t : CdrSchema.get().tables()) {
            org.cdrbuilder.schema.TableRoles r = CdrSchema.get().roles(t.name());
            if (!r.alignable()) {
                continue;
            }
            if (r.domain() == null || byDomain.put(r.domain(), t.name()) != null) {
                throw new IllegalStateException("alignable table " + t.name() + " needs a domain of its own");
            }
            roles.put(t.name(), r.roles());
        }
        TABLE_OF_DOMAIN = Map.copyOf(byDomain);
        ROLES = Map.copyOf(roles);
    }

    private static final String[] SHARED = {"person_id", "provider_id", "visit_occurrence_id", "visit_detail_id"};

    private DomainTables() {
    }

    /** Whether rows of this table can move between domains. */
    public static boolean isEventTable(String table) {
        return ROLES.containsKey(table);
    }

    /** The column of a role in a table, if the table has that role. */
    public static Optional<String> column(String table, String role) {
        return Optional.ofNullable(ROLES.getOrDefault(table, Map.of()).get(role));
    }

    /** The row as a row of {@code toTable}. */
    public static Row move(Row row, String toTable) {
        String from = row.table().name();
        TableDef target = CdrSchema.get().table(toTable);
        Row out = new Row(target);
        for (String c : SHARED) {
            if (target.hasColumn(c) && row.table().hasColumn(c)) {
                out.set(c, row.get(c));
            }
        }
        Map<String, String> src = ROLES.get(from);
        Map<String, String> dst = ROLES.get(toTable);
        src.forEach((role, column) -> {
            String targetColumn = dst.get(role);
            if (targetColumn != null) {
                out.set(targetColumn, row.get(column));
            }
        });
        String endDate = dst.get("end_date");
        if (endDate != null && out.get(endDate) == null && !target.column(endDate).nullable()) {
            out.set(endDate, out.get(dst.get("date")));
        }
        return out;
    }
}
