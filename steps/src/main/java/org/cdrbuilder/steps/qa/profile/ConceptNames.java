package org.cdrbuilder.steps.qa.profile;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.IntHashSet;

/** Names of a few concepts, read from a concept table (the in-memory vocabulary index holds no names). */
public final class ConceptNames {
    private ConceptNames() {
    }

    public static Map<Integer, String> lookup(List<Path> conceptParts, Collection<Integer> ids) {
        Map<Integer, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        IntHashSet wanted = new IntHashSet();
        ids.forEach(wanted::add);
        TableDef concept = CdrSchema.get().table("concept");
        RowParquetReader.forEach(conceptParts, concept, Set.of("concept_id", "concept_name"), r -> {
            if (r.get(0) instanceof Integer id && wanted.contains(id)) {
                out.put(id, (String) r.get(1));
            }
        });
        return out;
    }
}
