package org.cdrbuilder.steps.qa;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.cdrbuilder.core.qa.ConfigTable;
import org.cdrbuilder.core.qa.DeathFacts;
import org.cdrbuilder.core.qa.KeySet;
import org.cdrbuilder.core.qa.PersonFacts;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.qa.QaSettings;
import org.cdrbuilder.core.qa.VisitFacts;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.qa.facts.Facts;

/** The context of one QA run: configuration read once, the vocabulary loaded on first use, and published facts. */
final class EngineContext implements QaContext {
    private final CdrSchema schema;
    private final Supplier<Vocabulary> vocabulary;
    private volatile Vocabulary loaded;
    private final LocalDate cutoff;
    private final Path configDir;
    private final QaSettings settings;
    private final Set<String> tableNames;
    private final Facts facts = new Facts();
    private final Map<String, List<ConfigTable.Row>> configs = new ConcurrentHashMap<>();

    EngineContext(CdrSchema schema, Supplier<Vocabulary> vocabulary, LocalDate cutoff, Path configDir,
                  QaSettings settings, List<TableDef> tables) {
        this.schema = requireNonNull(schema, "schema is null");
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.cutoff = requireNonNull(cutoff, "cutoff is null");
        this.configDir = requireNonNull(configDir, "configDir is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.tableNames = tables.stream().map(TableDef::name).collect(Collectors.toUnmodifiableSet());
    }

    Facts facts() {
        return facts;
    }

    @Override
    public CdrSchema schema() {
        return schema;
    }

    @Override
    public Vocabulary vocabulary() {
        Vocabulary v = loaded;
        if (v == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = vocabulary.get();
                }
                v = loaded;
            }
        }
        return v;
    }

    @Override
    public LocalDate cutoffDate() {
        return cutoff;
    }

    @Override
    public QaSettings settings() {
        return settings;
    }

    @Override
    public List<ConfigTable.Row> config(String file) {
        return configs.computeIfAbsent(file, f -> ConfigTable.read(configDir.resolve(f)));
    }

    @Override
    public boolean scanned(String table) {
        return tableNames.contains(table);
    }

    @Override
    public PersonFacts persons() {
        return facts.persons();
    }

    @Override
    public DeathFacts deaths() {
        return facts.deaths();
    }

    @Override
    public VisitFacts visits() {
        return facts.visits();
    }

    @Override
    public KeySet keys(String table, String column) {
        return facts.keys(table, column);
    }
}
