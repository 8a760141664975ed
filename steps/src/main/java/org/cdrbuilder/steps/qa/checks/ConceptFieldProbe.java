package org.cdrbuilder.steps.qa.checks;

import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.TableDef;

/** A probe over the concept ids of one field, with the vocabulary at hand. */
abstract class ConceptFieldProbe extends ProbeBase {
    private final int column;
    protected Vocabulary vocabulary;

    ConceptFieldProbe(CheckKey key, TableDef table, QaContext ctx) {
        super(key, table, ctx, key.field());
        this.column = table.indexOf(key.field());
    }

    @Override
    public void start(QaContext ctx) {
        vocabulary = ctx.vocabulary();
    }

    @Override
    public final void accept(Row row) {
        Object v = row.get(column);
        concept(row, v instanceof Integer c ? c : null);
    }

    /** Called for every row with the field's concept id (null when missing). */
    protected abstract void concept(Row row, Integer conceptId);
}
