package org.cdrbuilder.steps.ingest.survey;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;

/**
 * What a usable QuestionnaireResponse says about itself, shared by its survey_conduct row and its answers.
 *
 * @param personId the participant number
 * @param authored when the answers were given, UTC
 * @param responseId the response's {@code id} or {@code identifier} value, or null
 * @param moduleCode the survey module's PPI code (e.g. {@code TheBasics}), or null when unknown
 * @param moduleConcept the module's concept id, or 0
 * @param version the questionnaire version named by the reference, or null
 * @param collectionMethod the collection method concept (telephone or electronic)
 * @param questionnaire the Questionnaire resource of the same file the response refers to, or null
 */
record ResponseHeader(long personId, LocalDateTime authored, String responseId, String moduleCode, int moduleConcept,
                      String version, int collectionMethod, QuestionnaireIndex.Entry questionnaire) {
    ResponseHeader {
        requireNonNull(authored, "authored is null");
    }
}
