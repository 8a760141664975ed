package org.cdrbuilder.core.rules;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.privacy.TierContext;
import org.cdrbuilder.core.registry.Registry;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;

/**
 * What rules may consult: the registry (person index), the vocabulary, the parameters, the release cutoff, the
 * config directory (for data files such as branching rules), and, for {@link CleaningRule#prepare}, the rows of any
 * table as the stage receives them.
 */
public final class RuleContext {
    private final Registry registry;
    private final Vocabulary vocabulary;
    private final RuleParameters parameters;
    private final LocalDate cutoff;
    private final Path configDir;
    private final Function<String, List<Path>> tableFiles;
    private final TierContext tier;
    private final java.util.Map<String, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();

    public RuleContext(Registry registry, Vocabulary vocabulary, RuleParameters parameters, LocalDate cutoff,
                       Path configDir, Function<String, List<Path>> tableFiles) {
        this.registry = requireNonNull(registry, "registry is null");
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.cutoff = requireNonNull(cutoff, "cutoff is null");
        this.configDir = requireNonNull(configDir, "configDir is null");
        this.tableFiles = requireNonNull(tableFiles, "tableFiles is null");
        this.tier = null;
    }

    private RuleContext(RuleContext base, TierContext tier) {
        this.registry = base.registry;
        this.vocabulary = base.vocabulary;
        this.parameters = base.parameters;
        this.cutoff = base.cutoff;
        this.configDir = base.configDir;
        this.tableFiles = base.tableFiles;
        this.tier = tier;
    }

    /** This context for building one tier (privacy rules read the tier's profile and the mapping store). */
    public RuleContext forTier(TierContext tierContext) {
        return new RuleContext(this, requireNonNull(tierContext, "tierContext is null"));
    }

    /** The tier being built; throws when the context is not a tier's (cleaning rules run for every tier). */
    public TierContext tier() {
        if (tier == null) {
            throw new IllegalStateException("no tier: privacy rules run only in the privacy stage");
        }
        return tier;
    }

    /** The tier being built, or null in the cleaning stage. */
    TierContext tierOrNull() {
        return tier;
    }

    public Registry registry() {
        return registry;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public RuleParameters parameters() {
        return parameters;
    }

    /** The release cutoff: data after it is not released, and it is the "today" of the release. */
    public LocalDate cutoff() {
        return cutoff;
    }

    /** A data file of the rules configuration (relative paths resolve against the config directory). */
    public Path configFile(String relative) {
        return configDir.resolve(relative);
    }

    /**
     * An index several rules prepare from the same scan (e.g. each participant's demographic answers), computed once
     * per context.
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(String key, java.util.function.Supplier<T> compute) {
        Object v = shared.get(key);
        if (v == null) {
            synchronized (shared) {
                v = shared.get(key);
                if (v == null) {
                    v = compute.get();
                    shared.put(key, v);
                }
            }
        }
        return (T) v;
    }

    /** Streams every row of a table as the cleaning stage receives it (for {@link CleaningRule#prepare}). */
    public void forEachRow(String table, Set<String> columns, Consumer<Row> action) {
        RowParquetReader.forEach(tableFiles.apply(table), CdrSchema.get().table(table), columns, action);
    }

    /**
     * Streams the rows of a table part by part: {@code perPart} sees each part's origin once and returns what
     * consumes its rows, or null to leave the part unread (e.g. every part that is not EHR).
     */
    public void forEachPart(String table, Set<String> columns, Function<RowOrigin, Consumer<Row>> perPart) {
        for (Path part : tableFiles.apply(table)) {
            Consumer<Row> action = perPart.apply(RowOrigin.ofPart(table, part));
            if (action != null) {
                RowParquetReader.forEach(List.of(part), CdrSchema.get().table(table), columns, action);
            }
        }
    }
}
