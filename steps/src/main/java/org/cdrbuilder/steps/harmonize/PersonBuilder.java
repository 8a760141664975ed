package org.cdrbuilder.steps.harmonize;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.registry.Registry;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.SandboxTables;
import org.cdrbuilder.core.stage.UnitOutputs;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.LongObjectHashMap;

/**
 * Builds {@code person} and {@code person_ext} from the registry, one row per registered person (cleaning rules then
 * remove those without a primary consent or who withdrew). Demographics come from The Basics answers when a participant gave them, else from the
 * first EHR site (in site order) that sent a person row, else 0. Only the year of birth is kept: month, day and
 * birth datetime stay empty in every release.
 */
public final class PersonBuilder {
    public static final String SRC_ID = org.cdrbuilder.steps.common.ParticipantPortal.SOURCE_ID;
    /** Change recorded for persons whose demographics came from The Basics. */
    public static final String SURVEY_DEMOGRAPHICS = "demographics_from_the_basics";

    /** Demographic concepts of one participant from one source. */
    public record Demographics(int gender, int race, int ethnicity, int sexAtBirth, int state, String stateSource) {
    }

    private final Registry registry;
    private final Vocabulary vocabulary;
    private final LongObjectHashMap<Demographics> fromSurveys;
    private final LongObjectHashMap<Demographics> fromEhr = new LongObjectHashMap<>();

    public PersonBuilder(Registry registry, Vocabulary vocabulary, LongObjectHashMap<Demographics> fromSurveys) {
        this.registry = registry;
        this.vocabulary = vocabulary;
        this.fromSurveys = fromSurveys == null ? new LongObjectHashMap<>() : fromSurveys;
    }

    /** Reads EHR person rows (staged, site-local) in the given order; the first row per participant wins. */
    public void addEhrPersons(List<Path> stagedPersonFiles) {
        TableDef person = CdrSchema.get().table("person");
        RowParquetReader.forEach(stagedPersonFiles, person,
                Set.of("person_id", "gender_concept_id", "race_concept_id", "ethnicity_concept_id"), r -> {
                    long n = r.getLong(0);
                    if (!fromEhr.containsKey(n)) {
                        fromEhr.put(n, new Demographics(known((Integer) r.get("gender_concept_id")),
                                known((Integer) r.get("race_concept_id")), known((Integer) r.get("ethnicity_concept_id")),
                                0, 0, null));
                    }
                });
    }

    private int known(Integer concept) {
        return concept == null || !vocabulary.exists(concept) ? 0 : concept;
    }

    public void run(UnitOutputs out, UnitReport.TableCounts counts) {
        TableDef person = CdrSchema.get().table("person");
        TableDef ext = CdrSchema.get().table("person_ext");
        registry.forEachSorted(p -> {
            counts.in++;
            Demographics survey = fromSurveys.get(p.number());
            Demographics ehr = fromEhr.get(p.number());
            int gender = pick(survey == null ? 0 : survey.gender(), ehr == null ? 0 : ehr.gender());
            int race = pick(survey == null ? 0 : survey.race(), ehr == null ? 0 : ehr.race());
            int ethnicity = pick(survey == null ? 0 : survey.ethnicity(), ehr == null ? 0 : ehr.ethnicity());
            out.write(new Row(person)
                    .set("person_id", p.number())
                    .set("gender_concept_id", gender)
                    .set("year_of_birth", p.birthDate().getYear())
                    .set("race_concept_id", race)
                    .set("ethnicity_concept_id", ethnicity));
            String stateSource = survey != null && survey.stateSource() != null ? survey.stateSource()
                    : p.state() == null ? null : "PIIState_" + p.state();
            int stateConcept = survey != null && survey.state() != 0 ? survey.state() : stateConcept(stateSource);
            out.write(new Row(ext)
                    .set("person_id", p.number())
                    .set("src_id", SRC_ID)
                    .set("state_of_residence_concept_id", stateConcept)
                    .set("state_of_residence_source_value", stateSource)
                    .set("sex_at_birth_concept_id", survey == null ? 0 : survey.sexAtBirth())
                    .set("sex_at_birth_source_concept_id", survey == null ? 0 : survey.sexAtBirth()));
            if (survey != null) {
                counts.change(SURVEY_DEMOGRAPHICS);
            }
            counts.out++;
        });
    }

    private int stateConcept(String source) {
        if (source == null) {
            return 0;
        }
        OptionalInt c = vocabulary.conceptByCode("PPI", source);
        return c.orElse(0);
    }

    private static int pick(int preferred, int fallback) {
        return preferred != 0 ? preferred : fallback;
    }
}
