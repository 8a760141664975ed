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
        assertThat(report.checkResults).filteredOn(r -> r.cdmTableName.equals("person"))
                .allSatisfy(r -> assertThat(r.passed).isEqualTo(1))
                .noneMatch(r -> r.cdmFieldName.equals("month_of_birth"));
    }
}
