package org.cdrbuilder.steps.harmonize;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

import org.cdrbuilder.core.config.DemographicsConfig;
import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.LongObjectHashMap;

/**
 * Reads each participant's answers to the demographic questions of The Basics (configured in
 * {@code config/demographics.yaml}) from the staged survey answers and turns the latest response into person
 * demographics. Memory: a few answer codes per participant.
 */
public final class SurveyDemographics {
    private final DemographicsConfig config;
    private final Vocabulary vocabulary;
    private final Set<String> questions = new HashSet<>();
    private final LongObjectHashMap<Answers> byPerson = new LongObjectHashMap<>();

    /** The latest response's answers of one participant, by question code. */
    private static final class Answers {
        LocalDateTime authored;
        final Map<String, Set<String>> codes = new java.util.HashMap<>();
    }

    public SurveyDemographics(DemographicsConfig config, Vocabulary vocabulary) {
        this.config = config;
        this.vocabulary = vocabulary;
        for (String q : List.of(config.gender.question, config.race.question, config.ethnicity.question,
                config.sexAtBirth.question, config.state.question)) {
            if (q != null) {
                questions.add(q);
            }
        }
    }

    /** Reads staged observation files of survey units. */
    public void add(List<Path> stagedObservations) {
        TableDef obs = CdrSchema.get().table("observation");
        RowParquetReader.forEach(stagedObservations, obs, Set.of("person_id", "observation_datetime",
                "observation_source_value", "value_source_value"), this::add);
    }

    void add(Row r) {
        String q = (String) r.get("observation_source_value");
        String a = (String) r.get("value_source_value");
        if (q == null || a == null || !questions.contains(q)) {
            return;
        }
        long person = (Long) r.get("person_id");
        LocalDateTime at = (LocalDateTime) r.get("observation_datetime");
        Answers ans = byPerson.get(person);
        if (ans == null) {
            ans = new Answers();
            ans.authored = at;
            byPerson.put(person, ans);
        } else if (at != null && ans.authored != null && at.isAfter(ans.authored)) {
            ans.codes.clear();
            ans.authored = at;
        } else if (at != null && ans.authored != null && at.isBefore(ans.authored)) {
            return;
        }
        ans.codes.computeIfAbsent(q, k -> new TreeSet<>()).add(a);
    }

    /** Demographics per participant number for everyone who answered any demographic question. */
    public LongObjectHashMap<PersonBuilder.Demographics> demographics() {
        LongObjectHashMap<PersonBuilder.Demographics> out = new LongObjectHashMap<>();
        for (var c : byPerson) {
            out.put(c.key, demographics(c.value));
        }
        return out;
    }

    private PersonBuilder.Demographics demographics(Answers a) {
        Set<String> gender = a.codes.getOrDefault(config.gender.question, Set.of());
        int genderConcept = gender.size() == 1 ? config.gender.answers.getOrDefault(gender.iterator().next(), 0) : 0;
        Set<String> raceAnswers = a.codes.getOrDefault(config.race.question, Set.of());
        Set<Integer> races = new TreeSet<>();
        for (String code : raceAnswers) {
            Integer c = config.race.answers.get(code);
            if (c != null) {
                races.add(c);
            }
        }
        int race = races.size() > 1 ? config.race.several : races.size() == 1 ? races.iterator().next()
                : raceAnswers.isEmpty() ? 0 : config.race.none;
        Set<String> eth = a.codes.getOrDefault(config.ethnicity.question, Set.of());
        int ethnicity = eth.isEmpty() ? 0 : eth.contains(config.ethnicity.hispanicAnswer) ? config.ethnicity.hispanic
                : config.ethnicity.notHispanic;
        int sex = concept(a.codes.get(config.sexAtBirth.question));
        Set<String> state = a.codes.get(config.state.question);
        String stateCode = state != null && state.size() == 1 ? state.iterator().next() : null;
        return new PersonBuilder.Demographics(genderConcept, race, ethnicity, sex, concept(state), stateCode);
    }

    private int concept(Set<String> codes) {
        if (codes == null || codes.size() != 1) {
            return 0;
        }
        OptionalInt c = vocabulary.conceptByCode("PPI", codes.iterator().next());
        return c.orElse(0);
    }
}
