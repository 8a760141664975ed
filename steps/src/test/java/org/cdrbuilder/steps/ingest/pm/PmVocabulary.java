package org.cdrbuilder.steps.ingest.pm;

import java.time.LocalDate;
import java.util.Set;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

/** A vocabulary holding just the concepts the physical-measurement tests assert on. */
final class PmVocabulary {
    static final int SYSTOLIC = 3004249;
    static final int DIASTOLIC = 3012888;
    static final int HEART_RATE = 3027018;
    static final int HEIGHT = 3036277;
    static final int WEIGHT = 3025315;
    static final int BMI = 3038553;
    /** Test-only ids (not the Athena ids) for codes the brief gives no id for. */
    static final int WAIST_56086_2 = 90_000_001;
    static final int HIP_62409_8 = 90_000_002;
    static final int ANSWER_LA33_6 = 90_000_003;
    static final int NO_IRREGULARITY = 90_000_004;

    static final int MM_HG = 8876;
    static final int PER_MIN = 8541;
    static final int CM = 8582;
    static final int KG = 9529;
    static final int KG_M2 = 9531;

    static final int SYSTOLIC_MEAN_PPI = 903118;
    static final int DIASTOLIC_MEAN_PPI = 903115;
    static final int HEART_RATE_MEAN_PPI = 903126;
    static final int HEIGHT_PPI = 903133;
    static final int WEIGHT_PPI = 903121;
    static final int BMI_PPI = 903124;
    static final int WAIST_MEAN_PPI = 903135;
    static final int HIP_MEAN_PPI = 903136;
    // reading concepts as in the RDR's OMOP export (aou-curation-testdata/rdr/measurement.csv)
    static final int SYSTOLIC_1_PPI = 903109;
    static final int SYSTOLIC_2_PPI = 903114;
    static final int SYSTOLIC_3_PPI = 903130;
    static final int DIASTOLIC_1_PPI = 903110;
    static final int HEART_RATE_1_PPI = 903112;
    static final int HIP_1_PPI = 903117;
    static final int WAIST_1_PPI = 903127;
    static final int PRE_PREGNANCY_WEIGHT_PPI = 903131;

    private static final TableDef CONCEPT = CdrSchema.get().table("concept");

    private PmVocabulary() {
    }

    static Vocabulary build() {
        Vocabulary.Builder b = Vocabulary.builder(Set.of("LOINC", "PPI", "UCUM"));
        loinc(b, SYSTOLIC, "8480-6");
        loinc(b, DIASTOLIC, "8462-4");
        loinc(b, HEART_RATE, "8867-4");
        loinc(b, HEIGHT, "8302-2");
        loinc(b, WEIGHT, "29463-7");
        loinc(b, BMI, "39156-5");
        loinc(b, WAIST_56086_2, "56086-2");
        loinc(b, HIP_62409_8, "62409-8");
        concept(b, ANSWER_LA33_6, "Meas Value", "LOINC", "Answer", "LA33-6");
        unit(b, MM_HG, "mm[Hg]");
        unit(b, PER_MIN, "/min");
        unit(b, CM, "cm");
        unit(b, KG, "kg");
        unit(b, KG_M2, "kg/m2");
        ppi(b, SYSTOLIC_MEAN_PPI, "blood-pressure-systolic-mean");
        ppi(b, DIASTOLIC_MEAN_PPI, "blood-pressure-diastolic-mean");
        ppi(b, HEART_RATE_MEAN_PPI, "heart-rate-mean");
        ppi(b, HEIGHT_PPI, "height");
        ppi(b, WEIGHT_PPI, "weight");
        ppi(b, BMI_PPI, "bmi");
        ppi(b, WAIST_MEAN_PPI, "waist-circumference-mean");
        ppi(b, HIP_MEAN_PPI, "hip-circumference-mean");
        ppi(b, SYSTOLIC_1_PPI, "blood-pressure-systolic-1");
        ppi(b, SYSTOLIC_2_PPI, "blood-pressure-systolic-2");
        ppi(b, SYSTOLIC_3_PPI, "blood-pressure-systolic-3");
        ppi(b, DIASTOLIC_1_PPI, "blood-pressure-diastolic-1");
        ppi(b, HEART_RATE_1_PPI, "heart-rate-1");
        ppi(b, HIP_1_PPI, "hip-circumference-1");
        ppi(b, WAIST_1_PPI, "waist-circumference-1");
        ppi(b, PRE_PREGNANCY_WEIGHT_PPI, "pre-pregnancy-weight");
        concept(b, NO_IRREGULARITY, "Meas Value", "PPI", "Answer", "no-irregularity-detected");
        return b.build();
    }

    private static void loinc(Vocabulary.Builder b, int id, String code) {
        concept(b, id, "Measurement", "LOINC", "Clinical Observation", code);
    }

    private static void unit(Vocabulary.Builder b, int id, String code) {
        concept(b, id, "Unit", "UCUM", "Unit", code);
    }

    private static void ppi(Vocabulary.Builder b, int id, String code) {
        concept(b, id, "Measurement", "PPI", "Clinical Observation", code);
    }

    private static void concept(Vocabulary.Builder b, int id, String domain, String vocabulary, String conceptClass,
                                String code) {
        b.concept(new Row(CONCEPT)
                .set("concept_id", id)
                .set("concept_name", code)
                .set("domain_id", domain)
                .set("vocabulary_id", vocabulary)
                .set("concept_class_id", conceptClass)
                .set("standard_concept", vocabulary.equals("PPI") ? null : "S")
                .set("concept_code", code)
                .set("valid_start_date", LocalDate.of(1970, 1, 1))
                .set("valid_end_date", LocalDate.of(2099, 12, 31)));
    }
}
