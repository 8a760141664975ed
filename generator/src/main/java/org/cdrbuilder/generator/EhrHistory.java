package org.cdrbuilder.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes one participant's EHR history at one site: a person row, visits, and per visit conditions, drugs,
 * procedures and labs drawn from the catalog; occasionally a death and a clinical note. Clean participants also get
 * row-level planted problems at the configured rates; every row is recorded in {@link Planted} with what a correct
 * build must do with it.
 */
final class EhrHistory {
    static final String HARMONIZE = "harmonize/";
    static final String CLEAN = "clean/";
    static final String EHR_PERSON = HARMONIZE + "ehr_person_replaced_by_registry_person";
    static final String SUPPRESSED = HARMONIZE + "table_always_published_empty";
    static final String MAPPED_FROM_CODE = HARMONIZE + "concept_mapped_from_source_code";
    static final String DRUG_END_DERIVED = HARMONIZE + "drug_end_date_derived_from_days_supply";

    private static final LocalDate EHR_START = LocalDate.of(2012, 1, 1);
    /** Glucose [Mass/volume] in Serum or Plasma: planted results in mmol/L under its mg/dL unit. */
    private static final int GLUCOSE = 3004501;
    static final String QA_OUTSIDE_VISIT = "withinVisitDates condition_occurrence.condition_start_date";
    static final String QA_UNMAPPED = "standardConceptRecordCompleteness condition_occurrence.condition_concept_id";
    static final String QA_GLUCOSE_LOW = "plausibleValueLow measurement.measurement_concept_id concept " + GLUCOSE
            + " unit 8840";

    private final ClinicalCatalog catalog;
    private final GeneratorSettings settings;
    private final Planted planted;

    EhrHistory(ClinicalCatalog catalog, GeneratorSettings settings, Planted planted) {
        this.catalog = catalog;
        this.settings = settings;
        this.planted = planted;
    }

    /**
     * @param removal the ledger rule key that must remove this participant's rows (null for a clean participant)
     * @param meanVisits expected number of visits
     */
    void write(EhrSite site, long personId, SyntheticPerson p, String removal, SplittableRandom r, double meanVisits,
               boolean mayDie) {
        ClinicalCatalog.Demographics demo = catalog.demographics;
        int race = demo.race.getOrDefault(p.race, 0);
        site.row("person", personId, p.male ? demo.gender.get("male") : demo.gender.get("female"),
                p.birthDate.getYear(), p.birthDate.getMonthValue(), p.birthDate.getDayOfMonth(), null, race,
                p.hispanic ? demo.ethnicity.get("hispanic") : demo.ethnicity.get("not_hispanic"),
                "MRN" + (7_000_000 + p.index * 13L), p.male ? "M" : "F", p.race, p.hispanic ? "H" : "N");
        record("person", EHR_PERSON, false);
        LocalDate from = p.birthDate.plusYears(1).isAfter(EHR_START) ? p.birthDate.plusYears(1) : EHR_START;
        LocalDate to = settings.cutoff().minusDays(1);
        int n = 1 + Weighted.poisson(meanVisits, r);
        long span = Math.max(1, to.toEpochDay() - from.toEpochDay());
        long[] days = new long[n];
        for (int i = 0; i < n; i++) {
            days[i] = from.toEpochDay() + (long) (r.nextDouble() * span);
        }
        Arrays.sort(days);
        LocalDate last = from;
        boolean clean = removal == null;
        for (long day : days) {
            LocalDate start = LocalDate.ofEpochDay(day);
            ClinicalCatalog.Visit v = Weighted.pick(catalog.visits, x -> x.weight, r);
            LocalDate end = v.conceptId == 9201 ? start.plusDays(1 + r.nextInt(5)) : start;
            if (end.isAfter(to)) {
                end = to;
            }
            last = end.isAfter(last) ? end : last;
            long visitId = site.nextId("visit_occurrence");
            LocalDateTime at = start.atTime(7 + r.nextInt(11), r.nextInt(60));
            site.row("visit_occurrence", visitId, personId, v.conceptId, start, site.datetime(at), end,
                    site.datetime(end.atTime(at.toLocalTime())), catalog.types.get("ehr"), v.name, null);
            record("visit_occurrence", removal, false);
            int conditions = r.nextInt(3);
            for (int i = 0; i < conditions; i++) {
                condition(site, personId, removal, r, visitId, start, at);
            }
            if (r.nextDouble() < 0.5) {
                drug(site, personId, removal, r, visitId, start, at);
            }
            if (r.nextDouble() < 0.4) {
                ClinicalCatalog.Procedure pr = Weighted.pick(catalog.procedures, x -> x.weight, r);
                site.row("procedure_occurrence", site.nextId("procedure_occurrence"), personId, pr.conceptId, start,
                        site.datetime(at), catalog.types.get("ehr"), 1, visitId, pr.code, null);
                record("procedure_occurrence", removal, false);
            }
            int labs = r.nextInt(4);
            for (int i = 0; i < labs; i++) {
                lab(site, personId, removal, r, visitId, start, at, clean);
            }
            if (r.nextDouble() < 0.02) {
                site.row("note", site.nextId("note"), personId, start, site.datetime(at), 44814645, 0, "Progress note",
                        "Seen " + p.first + " " + p.last + " today; callback number " + p.phone + ". Stable.",
                        0, 4180186, visitId);
                record("note", SUPPRESSED, false);
            }
        }
        if (mayDie && r.nextDouble() < 0.01) {
            LocalDate death = last.plusDays(1 + r.nextInt(200));
            if (!death.isAfter(to)) {
                site.row("death", personId, death, null, catalog.types.get("death"), 0, null, null);
                record("death", removal, false);
            }
        }
    }

    private void condition(EhrSite site, long personId, String removal, SplittableRandom r, long visitId,
                           LocalDate start, LocalDateTime at) {
        long id = site.nextId("condition_occurrence");
        boolean clean = removal == null;
        GeneratorSettings.Dirt d = settings.dirt();
        if (clean && r.nextDouble() < d.malformedRow()) {
            // a date that does not exist: the row must be quarantined
            site.row("condition_occurrence", id, personId, 320128, start.getYear() + "-02-30", null, null, null,
                    catalog.types.get("ehr"), visitId, "I10", null);
            planted.generated("condition_occurrence");
            planted.quarantined("condition_occurrence");
            return;
        }
        ClinicalCatalog.Condition c = Weighted.pick(catalog.conditions, x -> x.weight, r);
        ClinicalCatalog.SourceCode src = c.sourceCodes.get(r.nextInt(c.sourceCodes.size()));
        double u = r.nextDouble();
        LocalDate end = r.nextBoolean() ? start.plusDays(r.nextInt(60)) : null;
        if (end != null && end.isAfter(settings.cutoff().minusDays(1))) {
            end = settings.cutoff().minusDays(1);
        }
        if (clean && u < d.unmappedCode()) {
            site.row("condition_occurrence", id, personId, 0, start, site.datetime(at), end, null,
                    catalog.types.get("ehr"), visitId, "ZZZ." + r.nextInt(100), null);
            record("condition_occurrence", null, false);
            planted.qa(QA_UNMAPPED);
        } else if (clean && u < d.unmappedCode() + d.sourceCodeOnly()) {
            site.row("condition_occurrence", id, personId, 0, start, site.datetime(at), end, null,
                    catalog.types.get("ehr"), visitId, src.code, null);
            record("condition_occurrence", null, false);
            planted.changed(MAPPED_FROM_CODE, "condition_occurrence");
        } else {
            // planted for QA: recorded weeks after its visit (a visit lasts at most 5 days; 7 days are tolerated)
            int shift = clean && r.nextDouble() < d.implausible() ? 13 + r.nextInt(14) : 0;
            if (shift > 0 && start.plusDays(shift).isBefore(settings.cutoff())) {
                start = start.plusDays(shift);
                at = at.plusDays(shift);
                end = end == null ? null : end.plusDays(shift).isBefore(settings.cutoff()) ? end.plusDays(shift)
                        : settings.cutoff().minusDays(1);
                planted.qa(QA_OUTSIDE_VISIT);
            }
            site.row("condition_occurrence", id, personId, c.conceptId, start, site.datetime(at), end, null,
                    catalog.types.get("ehr"), visitId, src.code, src.conceptId);
            record("condition_occurrence", removal, false);
        }
    }

    private void drug(EhrSite site, long personId, String removal, SplittableRandom r, long visitId, LocalDate start,
                      LocalDateTime at) {
        ClinicalCatalog.Drug dr = Weighted.pick(catalog.drugs, x -> x.weight, r);
        int supply = dr.daysSupply == null || dr.daysSupply.isEmpty() ? 30 : dr.daysSupply.get(r.nextInt(dr.daysSupply.size()));
        boolean noEnd = r.nextDouble() < 0.3;
        LocalDate end = start.plusDays(supply - 1L);
        site.row("drug_exposure", site.nextId("drug_exposure"), personId, dr.conceptId, start, site.datetime(at),
                noEnd ? null : end, null, catalog.types.get("ehr"), r.nextInt(4), supply, supply, visitId, dr.rxnormCode,
                null);
        record("drug_exposure", removal, false);
        if (noEnd) {
            // harmonization derives the end date before cleaning removes anything
            planted.changed(DRUG_END_DERIVED, "drug_exposure");
        }
    }

    private void lab(EhrSite site, long personId, String removal, SplittableRandom r, long visitId, LocalDate start,
                     LocalDateTime at, boolean clean) {
        long id = site.nextId("measurement");
        ClinicalCatalog.Lab lab = Weighted.pick(catalog.measurements, x -> x.weight, r);
        if (clean && r.nextDouble() < settings.dirt().malformedRow()) {
            site.row("measurement", id, personId, lab.conceptId, start, site.datetime(at), catalog.types.get("ehr"),
                    "high", lab.unitConceptId, null, null, visitId, lab.loinc, lab.conceptId, lab.unitSourceValue, "high");
            planted.generated("measurement");
            planted.quarantined("measurement");
            return;
        }
        double value = lab.low + r.nextDouble() * (lab.high - lab.low);
        double scale = Math.pow(10, lab.decimals);
        value = Math.round(value * scale) / scale;
        if (clean && r.nextDouble() < settings.dirt().implausible() && lab.conceptId == GLUCOSE) {
            // planted for QA: the result in mmol/L (3.5 to 9.5) under the mg/dL unit, below any plausible mg/dL value
            value = Math.round((3.5 + r.nextDouble() * 6) * 10) / 10.0;
            planted.qa(QA_GLUCOSE_LOW);
        }
        String text = lab.decimals == 0 ? Long.toString((long) value) : Double.toString(value);
        site.row("measurement", id, personId, lab.conceptId, start, site.datetime(at), catalog.types.get("ehr"), text,
                lab.unitConceptId, null, null, visitId, lab.loinc, lab.conceptId, lab.unitSourceValue, text);
        record("measurement", removal, false);
    }

    private void record(String table, String removal, boolean quarantined) {
        planted.generated(table);
        if (quarantined) {
            planted.quarantined(table);
        } else if (removal != null) {
            planted.removed(removal, table);
        }
    }
}
