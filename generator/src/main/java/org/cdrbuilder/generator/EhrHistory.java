package org.cdrbuilder.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.cdrbuilder.generator.RowProblem.Source;

/**
 * Writes one person's EHR history at one site: a person row, visits, and per visit conditions, drugs, procedures
 * and labs drawn from the catalog; occasionally a clinical note; the death the first site reports. Clean
 * participants also get row-level dirt at the configured rates and, at the first site, their planted
 * {@link RowProblem}. Every row goes through the person's {@link ParticipantOutcome}, which counts what a correct
 * build does with it.
 */
final class EhrHistory {
    static final String HARMONIZE = "harmonize/";
    static final String EHR_PERSON = HARMONIZE + "ehr_person_replaced_by_registry_person";
    static final String SUPPRESSED = HARMONIZE + "table_always_published_empty";
    static final String MAPPED_FROM_CODE = HARMONIZE + "concept_mapped_from_source_code";
    static final String DRUG_END_DERIVED = HARMONIZE + "drug_end_date_derived_from_days_supply";

    private static final LocalDate EHR_START = LocalDate.of(2012, 1, 1);
    private static final LocalDate EARLIEST_OLD_VISIT = LocalDate.of(1970, 1, 1);
    private static final LocalDate LAST_DAY_BEFORE_PROGRAM = ParticipantOutcome.PROGRAM_START.minusDays(1);
    private static final int GLUCOSE = 3004501;
    private static final int MMOL_PER_L = 8753;
    private static final double GLUCOSE_MG_DL_PER_MMOL_L = 18.016;
    static final String QA_OUTSIDE_VISIT = "withinVisitDates condition_occurrence.condition_start_date";
    static final String QA_UNMAPPED = "standardConceptRecordCompleteness condition_occurrence.condition_concept_id";
    static final String QA_GLUCOSE_LOW = "plausibleValueLow measurement.measurement_concept_id concept " + GLUCOSE
            + " unit 8840";

    private final ClinicalCatalog catalog;
    private final GeneratorSettings settings;
    private final ClinicalCatalog.Lab glucose;

    EhrHistory(ClinicalCatalog catalog, GeneratorSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
        this.glucose = catalog.measurements.stream().filter(l -> l.conceptId == GLUCOSE).findFirst()
                .orElseThrow(() -> new IllegalStateException("the clinical catalog has no glucose lab"));
    }

    /** What one site writes about one person, and the person's outcome. */
    private record Writing(EhrSite site, long personId, SyntheticPerson p, ParticipantOutcome o, SplittableRandom r,
                           boolean dirt) {
    }

    /**
     * @param meanVisits expected number of visits
     * @param firstSite the participant's own site: it reports the death and the planted problem; another site knows
     *                  nothing of the death and may report visits after it
     */
    void write(EhrSite site, long personId, SyntheticPerson p, ParticipantOutcome o, SplittableRandom r,
               double meanVisits, boolean firstSite) {
        ClinicalCatalog.Demographics demo = catalog.demographics;
        int race = demo.race.getOrDefault(p.race, 0);
        site.row("person", personId, p.male ? demo.gender.get("male") : demo.gender.get("female"),
                p.birthDate.getYear(), p.birthDate.getMonthValue(), p.birthDate.getDayOfMonth(), null, race,
                p.hispanic ? demo.ethnicity.get("hispanic") : demo.ethnicity.get("not_hispanic"),
                "MRN" + (7_000_000 + p.index * 13L), p.male ? "M" : "F", p.race, p.hispanic ? "H" : "N");
        o.removedAtHarmonization("person", EHR_PERSON);
        Writing w = new Writing(site, personId, p, o, r, p.getsRowDirt());
        LocalDate from = p.birthDate.plusYears(1).isAfter(EHR_START) ? p.birthDate.plusYears(1) : EHR_START;
        LocalDate to = settings.cutoff().minusDays(1);
        if (firstSite && p.deathDate != null && p.deathDate.isBefore(to)) {
            to = p.deathDate;
        }
        int n = 1 + Weighted.poisson(meanVisits, r);
        long span = Math.max(1, to.toEpochDay() - from.toEpochDay());
        long[] days = new long[n];
        for (int i = 0; i < n; i++) {
            days[i] = from.toEpochDay() + (long) (r.nextDouble() * span);
        }
        Arrays.sort(days);
        for (long day : days) {
            visit(w, LocalDate.ofEpochDay(day), settings.cutoff().minusDays(1));
        }
        if (firstSite && p.deathDate != null) {
            death(w, p.deathDate, null);
        }
        if (firstSite && p.problem != null && p.problem.source == Source.EHR) {
            plant(w, p.problem, from, to);
        }
    }

    /** A visit and its events; end dates are kept on or before {@code lastEnd}. */
    private void visit(Writing w, LocalDate start, LocalDate lastEnd) {
        SplittableRandom r = w.r;
        long visitId = visitRow(w, start, lastEnd);
        LocalDateTime at = start.atTime(7 + r.nextInt(11), r.nextInt(60));
        int conditions = r.nextInt(3);
        for (int i = 0; i < conditions; i++) {
            condition(w, visitId, start, at, lastEnd);
        }
        if (r.nextDouble() < 0.5) {
            drug(w, visitId, start, at, -1);
        }
        if (r.nextDouble() < 0.4) {
            ClinicalCatalog.Procedure pr = Weighted.pick(catalog.procedures, x -> x.weight, r);
            w.site.row("procedure_occurrence", w.site.nextId("procedure_occurrence"), w.personId, pr.conceptId, start,
                    w.site.datetime(at), catalog.types.get("ehr"), 1, visitId, pr.code, null);
            w.o.row("procedure_occurrence", start, Source.EHR);
        }
        int labs = r.nextInt(4);
        for (int i = 0; i < labs; i++) {
            lab(w, visitId, start, at);
        }
        if (r.nextDouble() < 0.02) {
            // notes hold names and phone numbers; harmonization never publishes the table
            w.site.row("note", w.site.nextId("note"), w.personId, start, w.site.datetime(at), 44814645, 0,
                    "Progress note", "Seen " + w.p.first + " " + w.p.last + " today; callback number " + w.p.phone
                            + ". Stable.", 0, 4180186, visitId);
            w.o.removedAtHarmonization("note", SUPPRESSED);
        }
    }

    private long visitRow(Writing w, LocalDate start, LocalDate lastEnd) {
        SplittableRandom r = w.r;
        ClinicalCatalog.Visit v = Weighted.pick(catalog.visits, x -> x.weight, r);
        LocalDate end = v.conceptId == 9201 ? start.plusDays(1 + r.nextInt(5)) : start;
        if (end.isAfter(lastEnd) && !start.isAfter(lastEnd)) {
            end = lastEnd;
        }
        long visitId = w.site.nextId("visit_occurrence");
        LocalDateTime at = start.atTime(7 + r.nextInt(11), r.nextInt(60));
        w.site.row("visit_occurrence", visitId, w.personId, v.conceptId, start, w.site.datetime(at), end,
                w.site.datetime(end.atTime(at.toLocalTime())), catalog.types.get("ehr"), v.name, null);
        w.o.row("visit_occurrence", start, Source.EHR);
        return visitId;
    }

    private void death(Writing w, LocalDate date, String plantedRule) {
        w.site.row("death", w.personId, date, null, catalog.types.get("death"), 0, null, null);
        w.o.row("death", date, Source.EHR, plantedRule);
    }

    /** Writes the rows of a planted problem, in a visit of its own dated within {@code [from, to]} unless it needs
     * another date. */
    private void plant(Writing w, RowProblem problem, LocalDate from, LocalDate to) {
        SplittableRandom r = w.r;
        LocalDate cutoff = settings.cutoff();
        LocalDate birth = w.p.birthDate;
        switch (problem) {
            case EHR_AFTER_CUTOFF -> w.o.plantedFor("data_after_cutoff",
                    () -> visit(w, cutoff.plusDays(1 + r.nextInt(60)), LocalDate.MAX));
            case EHR_BEFORE_FLOOR -> w.o.plantedFor("ehr_date_floor", () -> visit(w, between(
                    later(birth.plusDays(1), EARLIEST_OLD_VISIT), RowProblem.LAST_FLOOR_DAY, r), LocalDate.MAX));
            case EHR_BEFORE_BIRTH -> w.o.plantedFor("event_before_birth", () -> visit(w,
                    between(RowProblem.LAST_FLOOR_DAY.plusDays(1), birth.minusDays(1), r), LocalDate.MAX));
            case DEATH_BEFORE_PROGRAM -> w.o.plantedFor("death_date_implausible", () -> death(w,
                    between(later(birth.plusDays(1), LocalDate.of(2010, 1, 1)), LAST_DAY_BEFORE_PROGRAM, r), null));
            case DUPLICATE_DEATH -> w.o.plantedFor("duplicate_death_records", () -> death(w,
                    w.p.deathDate.plusDays(1 + r.nextInt(10)), "duplicate_death_records"));
            case VISIT_LONG_AFTER_DEATH -> w.o.plantedFor("event_long_after_death", () -> visit(w,
                    w.p.deathDate.plusDays(ParticipantOutcome.DAYS_AFTER_DEATH + 1 + r.nextInt(90)),
                    cutoff.minusDays(1)));
            default -> plantedRow(w, problem, between(from, to, r));
        }
    }

    /** A visit holding one planted row. */
    private void plantedRow(Writing w, RowProblem problem, LocalDate start) {
        SplittableRandom r = w.r;
        long visitId = visitRow(w, start, settings.cutoff().minusDays(1));
        LocalDateTime at = start.atTime(7 + r.nextInt(11), r.nextInt(60));
        String datetime = w.site.datetime(at);
        int ehr = catalog.types.get("ehr");
        switch (problem) {
            case DRUG_REFILLS_OUTLIER -> drug(w, visitId, start, at, 10 + r.nextInt(6));
            case CONDITION_ENDS_BEFORE_START -> {
                ClinicalCatalog.Condition c = Weighted.pick(catalog.conditions, x -> x.weight, r);
                ClinicalCatalog.SourceCode src = c.sourceCodes.get(r.nextInt(c.sourceCodes.size()));
                conditionRow(w, c.conceptId, start, datetime, start.minusDays(1 + r.nextInt(30)), visitId, src.code,
                        src.conceptId);
                w.o.plantedChange("condition_occurrence", start, Source.EHR, "end_before_start_fixed");
            }
            case NON_STANDARD_CONCEPT -> {
                // the site puts its ICD code's own concept where the standard concept belongs
                ClinicalCatalog.SourceCode src = icdSource(r);
                conditionRow(w, src.conceptId, start, datetime, null, visitId, src.code, src.conceptId);
                w.o.plantedChange("condition_occurrence", start, Source.EHR, "non_standard_concepts_replaced");
            }
            case LAB_SENT_AS_PROCEDURE -> {
                ClinicalCatalog.Lab lab = Weighted.pick(catalog.measurements, x -> x.weight, r);
                w.site.row("procedure_occurrence", w.site.nextId("procedure_occurrence"), w.personId, lab.conceptId,
                        start, datetime, ehr, 1, visitId, lab.loinc, null);
                w.o.plantedSurvivor("procedure_occurrence", start, Source.EHR);
                w.o.moved("procedure_occurrence", "measurement");
            }
            case CONDITION_WITHOUT_CODE -> {
                conditionRow(w, 0, start, datetime, null, visitId, null, null);
                w.o.plantedFor("zero_concept_rows",
                        () -> w.o.row("condition_occurrence", start, Source.EHR, "zero_concept_rows"));
            }
            case LAB_IN_OTHER_UNIT -> {
                double mgPerDl = glucose.low + r.nextDouble() * (glucose.high - glucose.low);
                String value = Double.toString(Math.round(mgPerDl / GLUCOSE_MG_DL_PER_MMOL_L * 10) / 10.0);
                w.site.row("measurement", w.site.nextId("measurement"), w.personId, glucose.conceptId, start, datetime,
                        ehr, value, MMOL_PER_L, null, null, visitId, glucose.loinc, glucose.conceptId, "mmol/L", value);
                w.o.plantedChange("measurement", start, Source.EHR, "unit_normalization");
            }
            case SENSITIVE_CONDITION -> {
                ClinicalCatalog.SensitiveCondition c = catalog.sensitiveConditions.get(
                        r.nextInt(catalog.sensitiveConditions.size()));
                conditionRow(w, 0, start, datetime, null, visitId, c.code, c.conceptId);
                w.o.plantedSurvivor("condition_occurrence", start, Source.EHR);
                w.o.sensitiveCondition(c.suppressedIn.contains(Planted.CONTROLLED));
                if (!c.suppressedIn.contains(Planted.CONTROLLED)) {
                    w.o.qa(QA_UNMAPPED); // no standard concept: the controlled tier publishes it with concept 0
                }
            }
            case IDENTIFIERS_IN_EHR_TEXT -> {
                // what a clinician types where the code belongs, longer than the column's 50 characters:
                // source_values_truncated cuts it, free_text_suppressed must blank it
                conditionRow(w, 0, start, datetime, null, visitId, "pt " + w.p.first + " " + w.p.last + " "
                        + w.p.phone + " called about results, call back after 5", null);
                w.o.plantedSurvivor("condition_occurrence", start, Source.EHR);
                w.o.identifiers("condition_occurrence");
                w.o.longSourceValue("condition_occurrence");
                w.o.qa(QA_UNMAPPED);
            }
            default -> throw new IllegalStateException("not an EHR row problem: " + problem);
        }
    }

    private void conditionRow(Writing w, int concept, LocalDate start, String datetime, LocalDate end, long visitId,
                              String sourceValue, Integer sourceConcept) {
        w.site.row("condition_occurrence", w.site.nextId("condition_occurrence"), w.personId, concept, start, datetime,
                end, null, catalog.types.get("ehr"), visitId, sourceValue, sourceConcept);
    }

    private void condition(Writing w, long visitId, LocalDate start, LocalDateTime at, LocalDate lastEnd) {
        SplittableRandom r = w.r;
        GeneratorSettings.Dirt d = settings.dirt();
        if (w.dirt && r.nextDouble() < d.malformedRow()) {
            // a date that does not exist: the row must be quarantined
            w.site.row("condition_occurrence", w.site.nextId("condition_occurrence"), w.personId, 320128,
                    start.getYear() + "-02-30", null, null, null, catalog.types.get("ehr"), visitId, "I10", null);
            w.o.quarantined("condition_occurrence");
            return;
        }
        ClinicalCatalog.Condition c = Weighted.pick(catalog.conditions, x -> x.weight, r);
        ClinicalCatalog.SourceCode src = c.sourceCodes.get(r.nextInt(c.sourceCodes.size()));
        double u = r.nextDouble();
        LocalDate end = r.nextBoolean() ? start.plusDays(r.nextInt(60)) : null;
        if (end != null && end.isAfter(lastEnd)) {
            end = lastEnd.isBefore(start) ? start : lastEnd;
        }
        String qa = null;
        if (w.dirt && u < d.unmappedCode()) {
            conditionRow(w, 0, start, w.site.datetime(at), end, visitId, "ZZZ." + r.nextInt(100), null);
            qa = QA_UNMAPPED;
        } else if (w.dirt && u < d.unmappedCode() + d.sourceCodeOnly()) {
            conditionRow(w, 0, start, w.site.datetime(at), end, visitId, src.code, null);
            w.o.changedAtHarmonization(MAPPED_FROM_CODE, "condition_occurrence");
        } else {
            // planted for QA: recorded weeks after its visit (a visit lasts at most 5 days; 7 days are tolerated)
            // (never in a visit planted for a date rule: the shift could carry the row past the rule's date)
            int shift = w.dirt && !w.o.planting() && r.nextDouble() < d.implausible() ? 13 + r.nextInt(14) : 0;
            if (shift > 0 && start.plusDays(shift).isBefore(settings.cutoff())) {
                start = start.plusDays(shift);
                at = at.plusDays(shift);
                end = end == null ? null : end.plusDays(shift).isBefore(settings.cutoff()) ? end.plusDays(shift)
                        : settings.cutoff().minusDays(1);
                qa = QA_OUTSIDE_VISIT;
            }
            conditionRow(w, c.conceptId, start, w.site.datetime(at), end, visitId, src.code, src.conceptId);
        }
        if (w.o.row("condition_occurrence", start, Source.EHR) == null && qa != null) {
            w.o.qa(qa); // counted only when the row reaches the release
        }
    }

    /** A drug exposure; {@code refills} &lt; 0 for a usual number, else planted for the refills outlier rule. */
    private void drug(Writing w, long visitId, LocalDate start, LocalDateTime at, int refills) {
        SplittableRandom r = w.r;
        ClinicalCatalog.Drug dr = Weighted.pick(catalog.drugs, x -> x.weight, r);
        int supply = dr.daysSupply == null || dr.daysSupply.isEmpty() ? 30 : dr.daysSupply.get(r.nextInt(dr.daysSupply.size()));
        boolean noEnd = refills < 0 && r.nextDouble() < 0.3;
        LocalDate end = start.plusDays(supply - 1L);
        w.site.row("drug_exposure", w.site.nextId("drug_exposure"), w.personId, dr.conceptId, start, w.site.datetime(at),
                noEnd ? null : end, null, catalog.types.get("ehr"), refills < 0 ? r.nextInt(4) : refills, supply, supply,
                visitId, dr.rxnormCode, null);
        if (noEnd) {
            // harmonization derives the end date before cleaning removes anything
            w.o.changedAtHarmonization(DRUG_END_DERIVED, "drug_exposure");
        }
        if (refills < 0) {
            w.o.row("drug_exposure", start, Source.EHR);
        } else {
            w.o.plantedChange("drug_exposure", start, Source.EHR, "drug_refills_days_supply_outliers");
        }
    }

    private void lab(Writing w, long visitId, LocalDate start, LocalDateTime at) {
        SplittableRandom r = w.r;
        long id = w.site.nextId("measurement");
        ClinicalCatalog.Lab lab = Weighted.pick(catalog.measurements, x -> x.weight, r);
        if (w.dirt && r.nextDouble() < settings.dirt().malformedRow()) {
            w.site.row("measurement", id, w.personId, lab.conceptId, start, w.site.datetime(at), catalog.types.get("ehr"),
                    "high", lab.unitConceptId, null, null, visitId, lab.loinc, lab.conceptId, lab.unitSourceValue, "high");
            w.o.quarantined("measurement");
            return;
        }
        double value = lab.low + r.nextDouble() * (lab.high - lab.low);
        double scale = Math.pow(10, lab.decimals);
        value = Math.round(value * scale) / scale;
        boolean qa = w.dirt && r.nextDouble() < settings.dirt().implausible() && lab.conceptId == GLUCOSE;
        if (qa) {
            // planted for QA: the result in mmol/L (3.5 to 9.5) under the mg/dL unit, below any plausible mg/dL value
            value = Math.round((3.5 + r.nextDouble() * 6) * 10) / 10.0;
        }
        String text = lab.decimals == 0 ? Long.toString((long) value) : Double.toString(value);
        w.site.row("measurement", id, w.personId, lab.conceptId, start, w.site.datetime(at), catalog.types.get("ehr"),
                text, lab.unitConceptId, null, null, visitId, lab.loinc, lab.conceptId, lab.unitSourceValue, text);
        if (w.o.row("measurement", start, Source.EHR) == null && qa) {
            w.o.qa(QA_GLUCOSE_LOW);
        }
    }

    /** An ICD source code of a catalog condition (non-standard, mapped to the condition's standard concept). */
    private ClinicalCatalog.SourceCode icdSource(SplittableRandom r) {
        for (int attempt = 0; ; attempt++) {
            ClinicalCatalog.Condition c = Weighted.pick(catalog.conditions, x -> x.weight, r);
            for (ClinicalCatalog.SourceCode s : c.sourceCodes) {
                if (s.vocabulary.startsWith("ICD")) {
                    return s;
                }
            }
            if (attempt > 1000) {
                throw new IllegalStateException("the clinical catalog has no ICD-coded condition");
            }
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** A day in {@code [from, to]}. */
    private static LocalDate between(LocalDate from, LocalDate to, SplittableRandom r) {
        long span = to.toEpochDay() - from.toEpochDay();
        if (span < 0) {
            throw new IllegalStateException("empty date range " + from + ".." + to);
        }
        return from.plusDays(span == 0 ? 0 : r.nextLong(span + 1));
    }
}
