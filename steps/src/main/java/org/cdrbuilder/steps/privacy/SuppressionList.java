package org.cdrbuilder.steps.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.row.Row;

import com.carrotsearch.hppc.IntHashSet;

/**
 * A tier's list of suppressed concepts (CSV {@code vocabulary_id,code_pattern,concept_id,reason}): concepts named by
 * id, or by a regular expression over the codes of a vocabulary, resolved against the concept table. Shared by the
 * suppression rule and the audit, which must agree on what the list means.
 */
public final class SuppressionList {
    private SuppressionList() {
    }

    /**
     * The concept ids the list names.
     *
     * @param concepts streams the concept table's rows (columns concept_id, vocabulary_id, concept_code) to a consumer
     */
    public static IntHashSet conceptIds(Path file, BiConsumer<Set<String>, Consumer<Row>> concepts) {
        IntHashSet ids = new IntHashSet();
        List<String[]> patterns = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", 4);
                if (f.length < 3) {
                    throw new ConfigException(file + " line " + (i + 1) + ": expected vocabulary_id,code_pattern,concept_id,reason");
                }
                if (!f[2].isBlank()) {
                    try {
                        ids.add(Integer.parseInt(f[2].trim()));
                    } catch (NumberFormatException e) {
                        throw new ConfigException(file + " line " + (i + 1) + ": concept_id is not a number");
                    }
                } else if (f[0].isBlank() || f[1].isBlank()) {
                    throw new ConfigException(file + " line " + (i + 1) + ": give a concept_id or a vocabulary_id and code_pattern");
                } else {
                    patterns.add(new String[] {f[0].trim(), f[1].trim()});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the suppression list " + file, e);
        }
        if (!patterns.isEmpty()) {
            List<Pattern> compiled = new ArrayList<>();
            for (String[] p : patterns) {
                try {
                    compiled.add(Pattern.compile(p[1]));
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new ConfigException(file + ": bad code_pattern '" + p[1] + "': " + e.getDescription());
                }
            }
            concepts.accept(Set.of("concept_id", "vocabulary_id", "concept_code"), r -> {
                for (int i = 0; i < patterns.size(); i++) {
                    if (patterns.get(i)[0].equals(r.get("vocabulary_id"))
                            && compiled.get(i).matcher((String) r.get("concept_code")).matches()) {
                        ids.add((Integer) r.get("concept_id"));
                    }
                }
            });
        }
        return ids;
    }
}
