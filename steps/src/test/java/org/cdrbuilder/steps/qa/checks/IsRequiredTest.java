package org.cdrbuilder.steps.qa.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.qa.QaTestKit.person;
import static org.cdrbuilder.steps.qa.QaTestKit.result;

import java.nio.file.Path;
import java.time.LocalDate;

import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.qa.QaTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsRequiredTest {
    @TempDir
    Path tmp;

    @Test
    void nullInANotNullColumn_failsAsFatal_withTheRowAsExample() {
        Row missing = person(2, 8507, LocalDate.of(1980, 1, 1)).set("gender_concept_id", null);
        var report = new QaTestKit(tmp).rows(person(1, 8532, LocalDate.of(1970, 1, 1)), missing).run(new IsRequired());
        CheckResult r = result(report, "isRequired", "person", "gender_concept_id");
        assertThat(r.numViolatedRows).isEqualTo(1);
        assertThat(r.numDenominatorRows).isEqualTo(2);
        assertThat(r.failed).isEqualTo(1);
        assertThat(r.severity).isEqualTo("fatal");
        assertThat(r.examples).singleElement().satisfies(e -> assertThat(e).containsEntry("person_id", 2L));
        assertThat(result(report, "isRequired", "person", "year_of_birth").passed).isEqualTo(1);
    }

    @Test
    void everyRequiredValuePresent_passes_andNullableColumnsAreNotChecked() {
        var report = new QaTestKit(tmp).rows(person(1, 8532, LocalDate.of(1970, 1, 1))).run(new IsRequired());
        var person = report.checkResults.stream().filter(r -> r.cdmTableName.equals("person")).toList();
        // one check per NOT NULL column of person in the changelog, each over the one row, each passed
        assertThat(person).extracting(r -> r.cdmFieldName).containsExactlyInAnyOrder("person_id", "gender_concept_id",
                "year_of_birth", "race_concept_id", "ethnicity_concept_id");
        assertThat(person).allSatisfy(r -> {
            assertThat(r.passed).isEqualTo(1);
            assertThat(r.numDenominatorRows).isEqualTo(1);
            assertThat(r.numViolatedRows).isZero();
        });
    }
}
