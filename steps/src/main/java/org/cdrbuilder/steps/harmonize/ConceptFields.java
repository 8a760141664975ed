package org.cdrbuilder.steps.harmonize;

import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

/**
 * The concept triples of a table, found by the OMOP naming convention: {@code X_concept_id},
 * {@code X_source_concept_id} and (when present) {@code X_source_value}. The triple whose prefix names the table's
 * domain (condition, drug, ...) is the primary one.
 */
public record ConceptFields(String prefix, int concept, int sourceConcept, int sourceValue, boolean primary) {

    public static List<ConceptFields> of(TableDef table) {
        List<ConceptFields> out = new ArrayList<>();
        String domainPrefix = domainPrefix(table.name());
        for (ColumnDef c : table.columns()) {
            String n = c.name();
            if (!n.endsWith("_source_concept_id")) {
                continue;
            }
            String prefix = n.substring(0, n.length() - "_source_concept_id".length());
            int concept = table.indexOfOrMinus1(prefix + "_concept_id");
            if (concept < 0) {
                continue;
            }
            out.add(new ConceptFields(prefix, concept, table.indexOf(n), table.indexOfOrMinus1(prefix + "_source_value"),
                    prefix.equals(domainPrefix)));
        }
        return out;
    }

    /** The prefix of a table's main concept (its {@code concept} role): condition_occurrence -> condition, death -> cause. */
    public static String domainPrefix(String table) {
        return org.cdrbuilder.schema.CdrSchema.get().findTable(table)
                .flatMap(t -> org.cdrbuilder.schema.CdrSchema.get().roles(table).column("concept"))
                .filter(c -> c.endsWith("_concept_id"))
                .map(c -> c.substring(0, c.length() - "_concept_id".length()))
                .orElse(table);
    }
}
