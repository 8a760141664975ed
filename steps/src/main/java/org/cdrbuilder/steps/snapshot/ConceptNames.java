package org.cdrbuilder.steps.snapshot;

import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.IntHashSet;
import com.carrotsearch.hppc.IntObjectHashMap;

/** Names, vocabularies and codes of the concepts the snapshot shows, read from the tier's concept table. */
final class ConceptNames {
    private final IntObjectHashMap<String[]> concepts = new IntObjectHashMap<>();

    /** Reads the concepts of {@code wanted} (one pass, only the needed columns). */
    static ConceptNames load(ReleaseCandidate candidate, IntHashSet wanted) {
        ConceptNames names = new ConceptNames();
        TableDef concept = CdrSchema.get().table("concept");
        int name = concept.indexOf("concept_name");
        int vocabulary = concept.indexOf("vocabulary_id");
        int code = concept.indexOf("concept_code");
        RowParquetReader.forEach(candidate.parts("concept"), concept,
                Set.of("concept_id", "concept_name", "vocabulary_id", "concept_code"), r -> {
                    int id = r.getIntOrZero(0);
                    if (wanted.contains(id)) {
                        names.concepts.put(id, new String[] {r.getString(name), r.getString(vocabulary), r.getString(code)});
                    }
                });
        return names;
    }

    /** Names for tests and pages that need no vocabulary. */
    static ConceptNames none() {
        return new ConceptNames();
    }

    /** The concept's name, or "Concept &lt;id&gt;" when the vocabulary does not have it. */
    String name(Integer id) {
        String[] c = id == null ? null : concepts.get(id);
        return c == null || c[0] == null ? (id == null ? null : "Concept " + id) : c[0];
    }

    String vocabulary(int id) {
        String[] c = concepts.get(id);
        return c == null ? null : c[1];
    }

    String code(int id) {
        String[] c = concepts.get(id);
        return c == null ? null : c[2];
    }
}
