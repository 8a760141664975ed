package org.cdrbuilder.steps.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cdrbuilder.steps.qa.QaTestKit.condition;
import static org.cdrbuilder.steps.qa.QaTestKit.person;
import static org.cdrbuilder.steps.qa.QaTestKit.result;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.QaCheck;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.qa.QaReport;
import org.cdrbuilder.core.qa.QaThresholds;
import org.cdrbuilder.core.qa.Violations;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.qa.checks.IsPrimaryKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QaEngineTest {
    @TempDir
    Path tmp;

    private static final LocalDate DAY = LocalDate.of(2020, 1, 1);

    /** Throws on the second condition row. */
    static final class Broken implements QaCheck {
        static final CheckType TYPE = new CheckType("isRequired", CheckLevel.FIELD, CheckCategory.CONFORMANCE, "", "Test",
                "broken on purpose");

        @Override
        public CheckType type() {
            return TYPE;
        }

        @Override
        public List<Probe> plan(TableDef table, QaContext ctx) {
            if (!table.name().equals("condition_occurrence")) {
                return List.of();
            }
            return List.of(new Probe() {
                private final Violations v = new Violations(5);

                @Override
                public CheckKey key() {
                    return CheckKey.field("isRequired", table.name(), "person_id");
                }

                @Override
                public Set<String> columns() {
                    return Set.of("person_id");
                }

                @Override
                public void accept(Row row) {
                    if (v.denominator() == 1) {
                        throw new IllegalStateException("cannot judge this row");
                    }
                    v.row();
                }

                @Override
                public Violations violations() {
                    return v;
                }
            });
        }
    }

    @Test
    void aCheckThatThrows_isReportedAsAnError_andTheOthersStillRun() {
        QaReport report = new QaTestKit(tmp).rows(person(1, 8507, null), person(1, 8507, null),
                condition(1, 1, 0, DAY, null, null), condition(2, 1, 0, DAY, null, null)).run(new Broken(), new IsPrimaryKey());
        CheckResult broken = result(report, "isRequired", "condition_occurrence", "person_id");
        assertThat(broken.isError).isEqualTo(1);
        assertThat(broken.error).contains("cannot judge this row").contains("row 2");
        assertThat(broken.blocksPublication()).isTrue();
        assertThat(result(report, "isPrimaryKey", "person", "person_id").failed).isEqualTo(1);
        assertThat(report.overview.countErrorFailed).isEqualTo(1);
        assertThat(report.overview.countThresholdFailed).isEqualTo(1);
        assertThat(report.blockingChecks()).hasSize(2);
    }

    @Test
    void everyTableIsReadOnce_andTimed() {
        QaReport report = new QaTestKit(tmp).rows(person(1, 8507, null), condition(1, 1, 0, DAY, null, null))
                .run(QaCatalog.discover().toArray(new QaCheck[0]));
        assertThat(report.timings).extracting(t -> t.cdmTableName).doesNotHaveDuplicates().contains("person",
                "condition_occurrence", "activity_summary").doesNotContain("concept");
        assertThat(report.timings).filteredOn(t -> t.cdmTableName.equals("condition_occurrence"))
                .singleElement().satisfies(t -> {
                    assertThat(t.rows).isEqualTo(1);
                    assertThat(t.checks).isGreaterThan(20);
                });
        assertThat(report.checkResults).extracting(r -> r.checkName).containsAll(QaCatalog.names(QaCatalog.discover())
                .stream().filter(n -> !n.startsWith("plausibleGender")).toList());
    }

    @Test
    void theCatalogHasEveryCheckTypeOfTheProduct_eachWithADefault() {
        assertThat(QaCatalog.names(QaCatalog.discover())).containsExactlyInAnyOrder("isRequired", "cdmDatatype",
                "isPrimaryKey", "isForeignKey", "fkDomain", "isStandardValidConcept", "measureValueCompleteness",
                "standardConceptRecordCompleteness", "sourceConceptRecordCompleteness", "plausibleValueLow",
                "plausibleValueHigh", "plausibleAfterBirth", "plausibleBeforeDeath", "plausibleStartBeforeEnd",
                "withinVisitDates", "plausibleGender", "plausibleUnitConceptIds", "measurePersonCompleteness",
                "measureObservationPeriodOverlap");
    }

    @Test
    void unknownCheckNamesAndBadThresholds_areRefusedWithFileAndLine() {
        List<String> names = QaCatalog.configuredNames(QaCatalog.discover());
        Path typo = QaTestKit.configWith(tmp.resolve("a"), "thresholds.csv", "isRequird,person,,,,,0,");
        assertThatThrownBy(() -> QaThresholds.read(typo, names)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("thresholds.csv:").hasMessageContaining("unknown check isRequird");
        Path bad = QaTestKit.configWith(tmp.resolve("b"), "thresholds.csv", "isRequired,person,,,,,140,");
        assertThatThrownBy(() -> QaThresholds.read(bad, names)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("percentage");
    }
}
