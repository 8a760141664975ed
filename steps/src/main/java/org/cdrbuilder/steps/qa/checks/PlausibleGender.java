package org.cdrbuilder.steps.qa.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.ConceptProbe;
import org.cdrbuilder.core.qa.ConfigTable;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.QaCheck;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.TableDef;

import com.google.auto.service.AutoService;

/**
 * Sex-specific concepts ({@value #FILE}: cdmTableName, cdmFieldName, conceptId, conceptName, plausibleGender Male or
 * Female) are not recorded for persons of the other gender (gender_concept_id 8507 male, 8532 female). Persons of
 * another or unknown gender are counted in the denominator but not as violations.
 */
@AutoService(QaCheck.class)
public final class PlausibleGender implements QaCheck {
    static final String FILE = "plausible-gender.csv";
    static final int MALE = 8507;
    static final int FEMALE = 8532;
    static final CheckType TYPE = new CheckType("plausibleGender", CheckLevel.CONCEPT, CheckCategory.PLAUSIBILITY,
            "Atemporal", "Validation", "For a CONCEPT_ID @conceptId (@conceptName), the number and percent of records "
            + "associated with patients with an implausible gender (correct gender = @plausibleGender).");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<Probe> plan(TableDef table, QaContext ctx) {
        List<Probe> out = new ArrayList<>();
        if (!ctx.scanned("person") || Columns.personReference(table).isEmpty()) {
            return out;
        }
        for (ConfigTable.Row r : ctx.config(FILE)) {
            if (!r.require("cdmTableName").equals(table.name())) {
                continue;
            }
            String field = r.require("cdmFieldName");
            String gender = r.require("plausibleGender");
            if (!table.hasColumn(field) || !gender.equals("Male") && !gender.equals("Female")) {
                throw new ConfigException(r.where() + ": needs a field of " + table.name() + " and Male or Female");
            }
            out.add(new Gender(CheckKey.concept(TYPE.name(), table.name(), field, r.integer("conceptId"), null), table,
                    ctx, gender, r.get("conceptName")));
        }
        return out;
    }

    private static final class Gender extends ProbeBase implements ConceptProbe {
        private final int person;
        private final int wrongGender;
        private final Map<String, String> parameters;
        private PersonCursor persons;

        Gender(CheckKey key, TableDef table, QaContext ctx, String gender, String conceptName) {
            super(key, table, ctx, key.field());
            this.person = table.indexOf("person_id");
            this.wrongGender = gender.equals("Male") ? FEMALE : MALE;
            this.parameters = Map.of("plausibleGender", gender, "conceptName", conceptName == null ? "" : conceptName);
        }

        @Override
        public Set<String> requires() {
            return Set.of("person");
        }

        @Override
        public void start(QaContext ctx) {
            persons = new PersonCursor(ctx.persons());
        }

        @Override
        public String conceptColumn() {
            return key().field();
        }

        @Override
        public int conceptId() {
            return key().conceptId();
        }

        @Override
        public void accept(Row row) {
            counts.row();
            int p = row.get(person) instanceof Long id ? persons.indexOf(id) : -1;
            if (p >= 0 && persons.facts().genderConceptId(p) == wrongGender) {
                violation(row, "gender_concept_id", persons.facts().genderConceptId(p));
            }
        }

        @Override
        public Map<String, String> parameters() {
            return parameters;
        }
    }
}
