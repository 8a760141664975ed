package org.cdrbuilder.steps.privacy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.answer;

import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** education_generalized and employment_generalized: answers become their group's concept. */
class EducationAndEmploymentGeneralizedTest {
    @TempDir
    Path tmp;

    @Test
    void education_registered() {
        String q = "EducationLevel_HighestGrade";
        List<Row> rows = List.of(answer(1, 1, 1, q, "HighestGrade_NeverAttended"),
                answer(2, 1, 2, q, "HighestGrade_AdvancedDegree"), answer(3, 1, 3, q, "HighestGrade_TwelveOrGED"));
        var result = new RuleTestKit(tmp).participant(1).tier("registered").run(new EducationGeneralized(), rows);
        assertThat(result.remaining).extracting(r -> r.get("value_as_concept_id")).containsExactly(2000000007, 2000000006, 1);
        assertThat(result.remaining).extracting(r -> r.get("value_source_value")).containsExactly(
                "HighestGrade_GeneralizedNoHighSchoolDegree", "HighestGrade_GeneralizedCollegeAndAbove",
                "HighestGrade_TwelveOrGED");
        assertThat(result.sandboxed).hasSize(2).allSatisfy(s -> assertThat(s.ruleId()).isEqualTo("education_generalized"));
    }

    @Test
    void employment_registered_andNotControlled() {
        String q = "Employment_EmploymentStatus";
        List<Row> rows = List.of(answer(1, 1, 1, q, "EmploymentStatus_SelfEmployed"),
                answer(2, 1, 2, q, "EmploymentStatus_Retired"), answer(3, 1, 3, q, "PMI_Skip"));
        var result = new RuleTestKit(tmp.resolve("r")).participant(1).tier("registered").run(new EmploymentGeneralized(), rows);
        assertThat(result.remaining).extracting(r -> r.get("value_as_concept_id")).containsExactly(2000000004, 2000000005, 1);
        var controlled = new RuleTestKit(tmp.resolve("c")).participant(1).tier("controlled").run(new EmploymentGeneralized(), rows);
        assertThat(controlled.sandboxed).isEmpty();
    }
}
