package org.cdrbuilder.steps.qa.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.KeySet;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.QaCheck;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.ForeignKey;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.LongArrayList;
import com.google.auto.service.AutoService;

/**
 * Every value of a foreign-key column (as the schema declares them) exists in the referenced table: persons,
 * visits, the row a {@code _ext} row extends, and concepts in the vocabulary (0, "No matching concept", always
 * exists). A table referencing itself (a visit's preceding visit) is checked when its own scan ends.
 */
@AutoService(QaCheck.class)
public final class IsForeignKey implements QaCheck {
    static final CheckType TYPE = new CheckType("isForeignKey", CheckLevel.FIELD, CheckCategory.CONFORMANCE,
            "Relational", "Verification", "The number and percent of records that have a value in the @cdmFieldName "
            + "field in the @cdmTableName table that does not exist in the @fkTableName table.");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<Probe> plan(TableDef table, QaContext ctx) {
        List<Probe> out = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            c.references().ifPresent(fk -> {
                if (fk.table().equals("concept")) {
                    out.add(new ConceptExists(table, c, ctx));
                } else if (ctx.scanned(fk.table())) {
                    out.add(fk.table().equals(table.name()) ? new SelfReference(table, c, fk, ctx)
                            : new KeyExists(table, c, fk, ctx));
                }
            });
        }
        return out;
    }

    private abstract static class Reference extends ProbeBase {
        protected final int column;
        private final String fkTable;

        Reference(TableDef table, ColumnDef c, String fkTable, QaContext ctx) {
            super(CheckKey.field(TYPE.name(), table.name(), c.name()), table, ctx, c.name());
            this.column = table.indexOf(c.name());
            this.fkTable = fkTable;
        }

        @Override
        public java.util.Map<String, String> parameters() {
            return java.util.Map.of("fkTableName", fkTable);
        }
    }

    private static final class ConceptExists extends Reference {
        private ConceptVerdicts unknown;

        ConceptExists(TableDef table, ColumnDef c, QaContext ctx) {
            super(table, c, "concept", ctx);
        }

        @Override
        public void start(QaContext ctx) {
            Vocabulary vocabulary = ctx.vocabulary();
            unknown = new ConceptVerdicts(c -> c != 0 && !vocabulary.exists(c));
        }

        @Override
        public void accept(Row row) {
            if (row.get(column) instanceof Integer concept) {
                counts.row();
                if (unknown.violates(concept)) {
                    violation(row);
                }
            }
        }
    }

    private static final class KeyExists extends Reference {
        private final ForeignKey fk;
        private KeySet keys;
        private long lastHit = Long.MIN_VALUE;

        KeyExists(TableDef table, ColumnDef c, ForeignKey fk, QaContext ctx) {
            super(table, c, fk.table(), ctx);
            this.fk = fk;
        }

        @Override
        public Set<String> requires() {
            return Set.of(fk.table());
        }

        @Override
        public void start(QaContext ctx) {
            keys = ctx.keys(fk.table(), fk.column());
        }

        @Override
        public void accept(Row row) {
            if (row.get(column) instanceof Long key) {
                counts.row();
                if (key != lastHit) {
                    if (keys.contains(key)) {
                        lastHit = key;
                    } else {
                        violation(row);
                    }
                }
            }
        }
    }

    /** Collects the references while the table is scanned and looks them up once its keys are known. */
    private static final class SelfReference extends Reference {
        private final ForeignKey fk;
        private final int idColumn;
        private final LongArrayList ids = new LongArrayList();
        private final LongArrayList refs = new LongArrayList();

        SelfReference(TableDef table, ColumnDef c, ForeignKey fk, QaContext ctx) {
            super(table, c, fk.table(), ctx);
            this.fk = fk;
            this.idColumn = table.primaryKey().map(pk -> table.indexOf(pk.name())).orElse(-1);
        }

        @Override
        public void accept(Row row) {
            if (row.get(column) instanceof Long key) {
                ids.add(idColumn >= 0 && row.get(idColumn) instanceof Long id ? id : -1);
                refs.add(key);
            }
        }

        @Override
        public void finish(QaContext ctx) {
            KeySet keys = ctx.keys(fk.table(), fk.column());
            for (int i = 0; i < refs.size(); i++) {
                counts.row();
                if (!keys.contains(refs.get(i)) && counts.violate()) {
                    counts.example(java.util.Map.of("id", ids.get(i), key().field(), refs.get(i)));
                }
            }
        }
    }
}
