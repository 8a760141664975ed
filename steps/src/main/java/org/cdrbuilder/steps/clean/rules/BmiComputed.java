package org.cdrbuilder.steps.clean.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.RuleParameters;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.LongDoubleHashMap;
import com.carrotsearch.hppc.LongObjectHashMap;
import com.carrotsearch.hppc.cursors.ObjectCursor;
import com.google.auto.service.AutoService;

/**
 * A physical-measurement session with a height and a weight but no BMI gets one, computed as weight (kg) / height
 * (m)^2 rounded half up to two decimals, dated like the weight. Only heights, weights and BMIs that
 * {@code pm_out_of_range} keeps count; a computed BMI outside the plausible range is not added.
 */
@AutoService(CleaningRule.class)
public final class BmiComputed implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.of("bmi_computed",
            "Adds a BMI measurement (weight kg / height m squared, 2 decimals) to each physical-measurement session "
                    + "that has a plausible height and weight but no BMI.",
            List.of("measurement"), "pm_out_of_range", "pm_duplicate_sessions");
    static final int BMI_CONCEPT = 3038553;
    static final int KG_PER_M2_CONCEPT = 9531;
    static final String KG_PER_M2 = "kg/m2";
    private static final TableDef MEASUREMENT = CdrSchema.get().table("measurement");

    /** What one session measured; the lowest id wins when a kind was measured twice. */
    private static final class Session {
        long heightId = Long.MAX_VALUE;
        double height;
        long weightId = Long.MAX_VALUE;
        double weight;
        boolean hasBmi;
    }

    /** The BMI to add, by the id of the weight measurement it is computed from. */
    private volatile LongDoubleHashMap bmiByWeight = new LongDoubleHashMap();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void prepare(RuleContext ctx) {
        RuleParameters params = ctx.parameters();
        LongObjectHashMap<Session> sessions = new LongObjectHashMap<>();
        ctx.forEachRow("measurement", Set.of("measurement_id", "visit_occurrence_id", "measurement_type_concept_id",
                "measurement_source_value", "measurement_source_concept_id", "value_as_number"), r -> {
            BodyMeasurement kind = BodyMeasurement.of(r);
            Long id = (Long) r.get("measurement_id");
            Long visit = (Long) r.get("visit_occurrence_id");
            if (kind == null || id == null || visit == null || !kind.plausible(r, params)) {
                return;
            }
            Session s = sessions.get(visit);
            if (s == null) {
                s = new Session();
                sessions.put(visit, s);
            }
            Double value = (Double) r.get("value_as_number");
            switch (kind) {
                case BMI -> s.hasBmi = true;
                case HEIGHT -> {
                    if (value != null && value > 0 && id < s.heightId) {
                        s.heightId = id;
                        s.height = value;
                    }
                }
                case WEIGHT -> {
                    if (value != null && id < s.weightId) {
                        s.weightId = id;
                        s.weight = value;
                    }
                }
            }
        });
        LongDoubleHashMap out = new LongDoubleHashMap();
        for (ObjectCursor<Session> c : sessions.values()) {
            Session s = c.value;
            if (!s.hasBmi && s.heightId != Long.MAX_VALUE && s.weightId != Long.MAX_VALUE) {
                double bmi = bmi(s.weight, s.height);
                if (params.bmi.contains(bmi)) {
                    out.put(s.weightId, bmi);
                }
            }
        }
        bmiByWeight = out;
    }

    /** Weight (kg) / height (m)^2, rounded half up to two decimals. */
    static double bmi(double weightKg, double heightCm) {
        BigDecimal h = BigDecimal.valueOf(heightCm);
        return BigDecimal.valueOf(weightKg).multiply(BigDecimal.valueOf(10_000))
                .divide(h.multiply(h), 2, RoundingMode.HALF_UP).doubleValue();
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        Long id = (Long) row.get("measurement_id");
        if (id == null || BodyMeasurement.of(row) != BodyMeasurement.WEIGHT || !bmiByWeight.containsKey(id)) {
            return Verdict.KEEP;
        }
        Row bmi = new Row(MEASUREMENT)
                .set("measurement_id", 0L)
                .set("person_id", row.get("person_id"))
                .set("measurement_concept_id", BMI_CONCEPT)
                .set("measurement_date", row.get("measurement_date"))
                .set("measurement_datetime", row.get("measurement_datetime"))
                .set("measurement_time", row.get("measurement_time"))
                .set("measurement_type_concept_id", BodyMeasurement.PHYSICAL_MEASUREMENT_TYPE)
                .set("value_as_number", bmiByWeight.get(id))
                .set("unit_concept_id", KG_PER_M2_CONCEPT)
                .set("visit_occurrence_id", row.get("visit_occurrence_id"))
                .set("measurement_source_value", BodyMeasurement.BMI.code())
                .set("measurement_source_concept_id", BodyMeasurement.BMI.sourceConcept())
                .set("unit_source_value", KG_PER_M2);
        return new Verdict.Create("session has a height and a weight but no BMI; BMI computed", List.of(bmi));
    }
}
