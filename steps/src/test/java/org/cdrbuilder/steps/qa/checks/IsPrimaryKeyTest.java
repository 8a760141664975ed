package org.cdrbuilder.steps.qa.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.qa.QaTestKit.person;
import static org.cdrbuilder.steps.qa.QaTestKit.result;

import java.nio.file.Path;
import java.time.LocalDate;

import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.steps.qa.QaTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsPrimaryKeyTest {
    @TempDir
    Path tmp;

    private static final LocalDate BORN = LocalDate.of(1970, 1, 1);

    @Test
    void duplicateIds_countEveryRowSharingAValue_inAnyOrder() {
        var report = new QaTestKit(tmp).rows(person(5, 8507, BORN), person(1, 8507, BORN), person(2, 8507, BORN),
                person(1, 8507, BORN), person(3, 8507, BORN), person(5, 8507, BORN), person(4, 8507, BORN),
                person(5, 8507, BORN)).run(new IsPrimaryKey());
        CheckResult r = result(report, "isPrimaryKey", "person", "person_id");
        assertThat(r.numViolatedRows).isEqualTo(5); // 1 twice, 5 three times
        assertThat(r.numDenominatorRows).isEqualTo(8);
        assertThat(r.failed).isEqualTo(1);
        assertThat(r.severity).isEqualTo("fatal");
    }

    @Test
    void uniqueIds_pass() {
        var report = new QaTestKit(tmp).rows(person(3, 8507, BORN), person(1, 8507, BORN), person(2, 8507, BORN))
                .run(new IsPrimaryKey());
        CheckResult r = result(report, "isPrimaryKey", "person", "person_id");
        assertThat(r.numViolatedRows).isZero();
        assertThat(r.passed).isEqualTo(1);
    }
}
