package org.cdrbuilder.steps.qa.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.qa.QaTestKit.person;
import static org.cdrbuilder.steps.qa.QaTestKit.result;
import static org.cdrbuilder.steps.qa.QaTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.ColumnType;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.qa.QaTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdmDatatypeTest {
    @TempDir
    Path tmp;

    @Test
    void textLongerThanItsColumn_fails_andTheExampleShowsOnlyItsLength() {
        String name = "Jane Q. Participant, 12 Long Street Name Avenue, Springfield";
        var report = new QaTestKit(tmp).rows(person(1, 8532, LocalDate.of(1970, 1, 1)).set("person_source_value", name),
                person(2, 8507, LocalDate.of(1971, 1, 1)).set("person_source_value", "short")).run(new CdmDatatype());
        CheckResult r = result(report, "cdmDatatype", "person", "person_source_value");
        assertThat(r.failed).isEqualTo(1);
        assertThat(r.numViolatedRows).isEqualTo(1);
        assertThat(r.numDenominatorRows).isEqualTo(2);
        assertThat(r.checkDescription).contains("varchar(50)");
        assertThat(r.examples.toString()).doesNotContain("Jane").contains("(text, " + name.length() + " characters)");
    }

    @Test
    void aParquetColumnOfAnotherType_fails() {
        TableDef person = QaTestKit.table("person");
        List<ColumnDef> cols = new ArrayList<>();
        for (ColumnDef c : person.columns()) {
            cols.add(c.name().equals("gender_concept_id")
                    ? new ColumnDef(c.name(), ColumnType.VARCHAR, 10, true, false, "", c.references()) : c);
        }
        TableDef wrong = new TableDef("person", person.group(), "", cols);
        var report = new QaTestKit(tmp).rows(row(wrong, "person_id", 1L, "gender_concept_id", "8507", "year_of_birth", 1970,
                "race_concept_id", 0, "ethnicity_concept_id", 0)).run(new CdmDatatype());
        CheckResult r = result(report, "cdmDatatype", "person", "gender_concept_id");
        assertThat(r.failed).isEqualTo(1);
        assertThat(r.examples.get(0)).containsEntry("found", "String(4)");
    }

    @Test
    void valuesOfTheDeclaredTypes_pass() {
        var report = new QaTestKit(tmp).rows(person(1, 8532, LocalDate.of(1970, 1, 1)).set("person_source_value", "x"))
                .run(new CdmDatatype());
        assertThat(report.checkResults).filteredOn(r -> r.cdmTableName.equals("person"))
                .allSatisfy(r -> assertThat(r.failed).isZero())
                .anySatisfy(r -> assertThat(r.passed).isEqualTo(1));
    }
}
