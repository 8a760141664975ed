package org.cdrbuilder.steps.qa.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.ConfigTable;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.QaCheck;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.qa.Violations;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.TableDef;

import com.google.auto.service.AutoService;

/**
 * Concept fields hold concepts of their expected domain ({@value #FILE}: cdmTableName, cdmFieldName, fkDomain, and
 * optionally alsoAllowedVocabularies: vocabularies, separated by {@code ;}, whose concepts are accepted whatever their
 * domain, such as the program's generalized demographic answers). Concept 0 and unknown concepts are left to other
 * checks.
 */
@AutoService(QaCheck.class)
public final class FkDomain implements QaCheck {
    static final String FILE = "field-domains.csv";
    static final CheckType TYPE = new CheckType("fkDomain", CheckLevel.FIELD, CheckCategory.CONFORMANCE, "Value",
            "Verification", "The number and percent of records that have a value in the @cdmFieldName field in the "
            + "@cdmTableName table that do not conform to the @fkDomain domain.");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<Probe> plan(TableDef table, QaContext ctx) {
        List<Probe> out = new ArrayList<>();
        for (ConfigTable.Row r : ctx.config(FILE)) {
            if (r.require("cdmTableName").equals(table.name())) {
                String field = r.require("cdmFieldName");
                if (!table.hasColumn(field)) {
                    throw new org.cdrbuilder.core.config.ConfigException(r.where() + ": " + table.name()
                            + " has no field " + field);
                }
                String also = r.get("alsoAllowedVocabularies");
                out.add(new Domain(CheckKey.field(TYPE.name(), table.name(), field), table, ctx, r.require("fkDomain"),
                        also == null ? Set.of() : Set.of(also.split(";"))));
            }
        }
        return out;
    }

    private static final class Domain extends ConceptFieldProbe {
        private final String domain;
        private final Set<String> alsoAllowed;
        private ConceptVerdicts verdicts;

        Domain(CheckKey key, TableDef table, QaContext ctx, String domain, Set<String> alsoAllowed) {
            super(key, table, ctx);
            this.domain = domain;
            this.alsoAllowed = alsoAllowed;
        }

        @Override
        public void start(QaContext ctx) {
            super.start(ctx);
            verdicts = new ConceptVerdicts(c -> {
                String actual = c == 0 ? null : vocabulary.domain(c);
                return actual != null && !actual.equals(domain) && !alsoAllowed.contains(vocabulary.vocabularyId(c));
            });
        }

        @Override
        protected void concept(Row row, Integer c) {
            if (c == null) {
                return;
            }
            counts.row();
            if (verdicts.violates(c)) {
                violation(row, "domain_id", new Violations.Fact(vocabulary.domain(c)));
            }
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of("fkDomain", domain);
        }
    }
}
