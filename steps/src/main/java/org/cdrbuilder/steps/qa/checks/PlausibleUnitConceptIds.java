package org.cdrbuilder.steps.qa.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

import com.carrotsearch.hppc.IntHashSet;
import com.google.auto.service.AutoService;

/**
 * Numeric results of a concept come in one of its plausible units ({@value #FILE}: cdmTableName, cdmFieldName,
 * conceptId, conceptName, plausibleUnitConceptIds separated by {@code ;}, with -1 for "no unit"). Rows without
 * {@code value_as_number} are not counted.
 */
@AutoService(QaCheck.class)
public final class PlausibleUnitConceptIds implements QaCheck {
    static final String FILE = "plausible-units.csv";
    static final CheckType TYPE = new CheckType("plausibleUnitConceptIds", CheckLevel.CONCEPT,
            CheckCategory.PLAUSIBILITY, "Atemporal", "Verification", "The number and percent of records for a given "
            + "CONCEPT_ID @conceptId (@conceptName) with implausible units (i.e., UNIT_CONCEPT_ID NOT IN "
            + "(@plausibleUnitConceptIds)).");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<Probe> plan(TableDef table, QaContext ctx) {
        List<Probe> out = new ArrayList<>();
        for (ConfigTable.Row r : ctx.config(FILE)) {
            if (!r.require("cdmTableName").equals(table.name())) {
                continue;
            }
            String field = r.require("cdmFieldName");
            if (!table.hasColumn(field) || !table.hasColumn("unit_concept_id") || !table.hasColumn("value_as_number")) {
                throw new ConfigException(r.where() + ": " + table.name() + " needs " + field
                        + ", unit_concept_id and value_as_number");
            }
            IntHashSet units = new IntHashSet();
            for (String u : r.require("plausibleUnitConceptIds").split(";")) {
                try {
                    units.add(Integer.parseInt(u.trim()));
                } catch (NumberFormatException e) {
                    throw new ConfigException(r.where() + ": not a unit concept id: '" + u + "'");
                }
            }
            out.add(new Units(CheckKey.concept(TYPE.name(), table.name(), field, r.integer("conceptId"), null), table,
                    ctx, units, r));
        }
        return out;
    }

    private static final class Units extends ProbeBase implements ConceptProbe {
        private final int unit;
        private final int value;
        private final IntHashSet units;
        private final Map<String, String> parameters;

        Units(CheckKey key, TableDef table, QaContext ctx, IntHashSet units, ConfigTable.Row r) {
            super(key, table, ctx, key.field(), "unit_concept_id", "value_as_number");
            this.unit = table.indexOf("unit_concept_id");
            this.value = table.indexOf("value_as_number");
            this.units = units;
            this.parameters = Map.of("plausibleUnitConceptIds", r.require("plausibleUnitConceptIds").replace(";", ","),
                    "conceptName", r.get("conceptName") == null ? "" : r.get("conceptName"));
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
            if (row.get(value) == null) {
                return;
            }
            counts.row();
            int u = row.get(unit) instanceof Integer i ? i : -1;
            if (!units.contains(u)) {
                violation(row);
            }
        }

        @Override
        public Map<String, String> parameters() {
            return parameters;
        }
    }
}
