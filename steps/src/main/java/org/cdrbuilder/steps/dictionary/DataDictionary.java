package org.cdrbuilder.steps.dictionary;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.cdrbuilder.core.parquet.ParquetSchemas;
import org.cdrbuilder.core.privacy.TierProfile;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.schema.TableGroup;
import org.cdrbuilder.steps.references.DanglingVisitReferences;

/**
 * The data dictionary of a release: every published table and column with its types, nullability, keys and
 * description from the schema changelog, and the cleaning rules and per-tier privacy transforms that act on it, from
 * the rules' own declarations ({@link RuleInfo#tables()}, {@link CleaningRule#changes()},
 * {@link CleaningRule#activeIn}) and the tier profiles. Nothing here lists tables, columns or rules by hand, and
 * nothing depends on the clock: the same changelog, rules and profiles give the same dictionary.
 *
 * @param tiers the tiers described, in order, each with its profile
 */
public record DataDictionary(List<Tier> tiers, List<Table> tables, List<Rule> rules) {
    /** A tier and what its profile says about it. */
    public record Tier(String name, String description) {
    }

    /**
     * A rule or transform in the order the build runs it.
     *
     * @param stage {@code cleaning} (every tier), {@code privacy} or {@code references} (per tier)
     * @param tiers the tiers in which it acts
     */
    public record Rule(String id, String stage, String description, List<String> tiers) {
    }

    /**
     * A published table.
     *
     * @param folder where its Parquet files are, relative to the tier: {@code omop/person/}
     * @param cleaning the cleaning rules that act on its rows (remove, add, move or change them), in every tier
     * @param perTier per tier, the privacy rules and transforms that act on its rows
     * @param follows for a provenance table ({@code *_ext}), the table whose rows its rows follow
     */
    public record Table(String name, String group, String folder, String description, String primaryKey,
                        List<String> cleaning, Map<String, List<String>> perTier, String follows, List<Column> columns) {
    }

    /**
     * A published column.
     *
     * @param type the changelog's type ({@code VARCHAR(50)}, {@code BIGINT} ...)
     * @param parquetType the Parquet type of the published files ({@code INT32 DATE} ...)
     * @param references the {@code table.column} a foreign key points to, or null
     * @param cleaning the cleaning rules that may change its values, in every tier
     * @param perTier per tier, the privacy rules and transforms that may change its values
     */
    public record Column(String name, String type, String parquetType, boolean nullable, boolean primaryKey,
                         String references, String description, List<String> cleaning,
                         Map<String, List<String>> perTier) {
    }

    /** The stage name of the cleaning rules, which run once for every tier. */
    public static final String CLEANING = "cleaning";
    public static final String PRIVACY = "privacy";
    public static final String REFERENCES = "references";

    /**
     * Builds the dictionary.
     *
     * @param rules every rule, in execution order ({@code RuleEngine.of(RuleEngine.discover()).rules()})
     * @param profiles the tiers to describe, in order
     */
    public static DataDictionary of(CdrSchema schema, List<CleaningRule> rules, Map<String, TierProfile> profiles) {
        requireNonNull(schema, "schema is null");
        List<Tier> tiers = new ArrayList<>();
        profiles.forEach((name, p) -> tiers.add(new Tier(name, p.description)));
        List<Rule> catalog = new ArrayList<>();
        for (CleaningRule r : rules) {
            RuleInfo i = r.info();
            List<String> active = new ArrayList<>();
            profiles.forEach((name, p) -> {
                if (!i.perTier() || i.tables().stream().anyMatch(t -> r.activeIn(p, t))) {
                    active.add(name);
                }
            });
            catalog.add(new Rule(i.id(), i.perTier() ? PRIVACY : CLEANING, i.description(), active));
        }
        catalog.add(new Rule(REFERENCES_RULE, REFERENCES, "After each tier's privacy rules (stage references-<tier>), "
                + "nulls references to visits that cleaning or the tier's privacy rules removed (visit_occurrence_id, "
                + "preceding_visit_occurrence_id, survey_conduct's visit columns); the rows stay.",
                List.copyOf(profiles.keySet())));
        List<Table> tables = new ArrayList<>();
        for (TableDef t : schema.tables()) {
            if (t.group().published()) {
                tables.add(table(schema, t, rules, profiles));
            }
        }
        return new DataDictionary(List.copyOf(tiers), List.copyOf(tables), List.copyOf(catalog));
    }

    /** The id under which the references stage's nulling is listed (as in the ledger). */
    public static final String REFERENCES_RULE = "references/" + DanglingVisitReferences.RULE_ID;

    private static Table table(CdrSchema schema, TableDef t, List<CleaningRule> rules, Map<String, TierProfile> profiles) {
        String follows = null;
        if (t.group() == TableGroup.EXT && t.name().endsWith("_ext")) {
            follows = schema.findTable(t.name().substring(0, t.name().length() - "_ext".length()))
                    .map(TableDef::name).orElse(null);
        }
        List<String> visitColumns = visitReferences(t);
        List<String> cleaning = new ArrayList<>();
        for (CleaningRule r : rules) {
            if (!r.info().perTier() && r.info().tables().contains(t.name())) {
                cleaning.add(r.info().id());
            }
        }
        Map<String, List<String>> perTier = new LinkedHashMap<>();
        profiles.forEach((tier, p) -> {
            List<String> ids = new ArrayList<>();
            for (CleaningRule r : rules) {
                if (r.info().perTier() && r.info().tables().contains(t.name()) && r.activeIn(p, t.name())) {
                    ids.add(r.info().id());
                }
            }
            if (!visitColumns.isEmpty()) {
                ids.add(REFERENCES_RULE);
            }
            perTier.put(tier, List.copyOf(ids));
        });
        MessageType parquet = ParquetSchemas.messageType(t);
        List<Column> columns = new ArrayList<>();
        for (ColumnDef c : t.columns()) {
            List<String> cleaningChanges = new ArrayList<>();
            for (CleaningRule r : rules) {
                if (!r.info().perTier() && r.info().tables().contains(t.name()) && r.changes().contains(t, c, null)) {
                    cleaningChanges.add(r.info().id());
                }
            }
            Map<String, List<String>> tierChanges = new LinkedHashMap<>();
            profiles.forEach((tier, p) -> {
                List<String> ids = new ArrayList<>();
                for (CleaningRule r : rules) {
                    if (r.info().perTier() && r.info().tables().contains(t.name()) && r.activeIn(p, t.name())
                            && r.changes().contains(t, c, p)) {
                        ids.add(r.info().id());
                    }
                }
                if (visitColumns.contains(c.name())) {
                    ids.add(REFERENCES_RULE);
                }
                tierChanges.put(tier, List.copyOf(ids));
            });
            columns.add(new Column(c.name(), sqlType(c), parquetType(parquet.getType(c.name())), c.nullable(),
                    c.primaryKey(), c.references().map(fk -> fk.table() + "." + fk.column()).orElse(null), c.remarks(),
                    List.copyOf(cleaningChanges), tierChanges));
        }
        return new Table(t.name(), t.group().name().toLowerCase(Locale.ROOT), t.group().releaseFolder() + "/" + t.name() + "/",
                t.remarks(), t.primaryKey().map(ColumnDef::name).orElse(null), List.copyOf(cleaning), perTier, follows,
                List.copyOf(columns));
    }

    /** Columns whose visit references the references stage nulls (the tables that stage rewrites). */
    private static List<String> visitReferences(TableDef t) {
        if (t.group() != TableGroup.OMOP && t.group() != TableGroup.WEARABLES) {
            return List.of();
        }
        return DanglingVisitReferences.referenceColumns(t);
    }

    /** The column's type as the changelog declares it. */
    static String sqlType(ColumnDef c) {
        String base = c.type().name();
        return c.maxLength() > 0 ? base + "(" + c.maxLength() + ")" : base;
    }

    /** The Parquet physical type and, when there is one, its logical type: {@code INT32 DATE}. */
    static String parquetType(Type t) {
        String physical = t.asPrimitiveType().getPrimitiveTypeName().name();
        LogicalTypeAnnotation logical = t.getLogicalTypeAnnotation();
        return logical == null ? physical : physical + " " + logical;
    }

    /** The rule or transform with this id. */
    public Rule rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + id + " in the dictionary"));
    }
}
