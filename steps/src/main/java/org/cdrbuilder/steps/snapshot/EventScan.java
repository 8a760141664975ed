package org.cdrbuilder.steps.snapshot;

import java.util.HashSet;
import java.util.Set;

import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.schema.TableDef;
import org.roaringbitmap.RoaringBitmap;

/**
 * Scans one clinical table of a tier with its provenance: participants and records per concept (all rows, as Achilles
 * counts them, and rows from EHR sites, as the Data Browser shows them), who has EHR rows, who has physical
 * measurements (measurement rows of type {@value #PHYSICAL_MEASUREMENT_TYPE}), and, for observation, survey answers
 * (rows of type {@value #SURVEY_TYPE}). Tables without a concept analysis (death) only contribute who has EHR rows.
 */
final class EventScan {
    static final int PHYSICAL_MEASUREMENT_TYPE = 44818701;
    static final int SURVEY_TYPE = 45905771;

    private EventScan() {
    }

    static ScanFacts.Events run(BuildContext ctx, String tier, String tableName, int cellSize, Runnable checkpoint) {
        PersonIndex persons = PersonIndex.of(ctx, tier);
        ReleaseCandidate candidate = ReleaseCandidate.forTier(ctx.layout(), tier);
        TableDef table = ctx.schema().table(tableName);
        EventTable event = EventTable.ofTable(tableName);
        int personColumn = table.indexOf("person_id");
        int conceptColumn = event == null ? -1 : table.indexOf(event.conceptColumn());
        int typeColumn = event == EventTable.MEASUREMENT ? table.indexOf("measurement_type_concept_id")
                : event == EventTable.OBSERVATION ? table.indexOf("observation_type_concept_id") : -1;
        Set<String> projection = new HashSet<>(Set.of("person_id"));
        if (event != null) {
            projection.add(event.conceptColumn());
        }
        if (typeColumn >= 0) {
            projection.add(table.column(typeColumn).name());
        }
        SurveyTally surveys = null;
        if (event == EventTable.OBSERVATION) {
            surveys = SurveyTally.forCandidate(candidate, table);
            projection.addAll(SurveyTally.projection());
        }
        ConceptTally all = new ConceptTally(persons.size());
        ConceptTally ehr = new ConceptTally(persons.size());
        RoaringBitmap ehrPersons = new RoaringBitmap();
        RoaringBitmap pm = new RoaringBitmap();
        long[] unknown = {0};
        SurveyTally survey = surveys;
        long rows = SourcedRows.forEach(candidate, table, projection, (row, source) -> {
            int p = persons.indexOf(row.getLong(personColumn));
            if (p < 0) {
                unknown[0]++;
                return;
            }
            boolean fromEhr = SourcedRows.isEhr(source);
            int concept = conceptColumn < 0 ? 0 : row.getIntOrZero(conceptColumn);
            all.add(concept, p);
            if (fromEhr) {
                ehrPersons.add(p);
                ehr.add(concept, p);
            }
            int type = typeColumn < 0 ? 0 : row.getIntOrZero(typeColumn);
            if (event == EventTable.MEASUREMENT && type == PHYSICAL_MEASUREMENT_TYPE) {
                pm.add(p);
            } else if (survey != null && type == SURVEY_TYPE) {
                survey.add(row, p);
            }
            checkpoint.run();
        });
        ScanFacts.Events f = new ScanFacts.Events();
        f.table = tableName;
        f.rows = rows;
        f.unknownPersons = unknown[0];
        f.persons = PersonSets.encode(all.persons());
        f.ehrPersons = PersonSets.encode(ehrPersons);
        if (event == EventTable.MEASUREMENT) {
            f.physicalMeasurementPersons = PersonSets.encode(pm);
        }
        if (event != null) {
            f.concepts = all.counts();
            f.ehrConcepts = ehr.counts();
            f.conceptsPerPerson = all.conceptsPerPerson(cellSize);
        }
        f.survey = survey == null ? null : survey.facts();
        return f;
    }
}
