package org.cdrbuilder.core.rules;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.cdrbuilder.core.parquet.RowParquetReader;
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

    public RuleContext(Registry registry, Vocabulary vocabulary, RuleParameters parameters, LocalDate cutoff,
                       Path configDir, Function<String, List<Path>> tableFiles) {
        this.registry = requireNonNull(registry, "registry is null");
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.cutoff = requireNonNull(cutoff, "cutoff is null");
        this.configDir = requireNonNull(configDir, "configDir is null");
        this.tableFiles = requireNonNull(tableFiles, "tableFiles is null");
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

    /** Streams every row of a table as the cleaning stage receives it (for {@link CleaningRule#prepare}). */
    public void forEachRow(String table, Set<String> columns, Consumer<Row> action) {
        RowParquetReader.forEach(tableFiles.apply(table), CdrSchema.get().table(table), columns, action);
    }
}
