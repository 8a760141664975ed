package org.cdrbuilder.steps.qa.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.core.qa.CheckSettings;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.QaOverview;
import org.cdrbuilder.core.qa.QaReport;
import org.cdrbuilder.core.qa.Severity;
import org.cdrbuilder.core.qa.Violations;
import org.cdrbuilder.steps.qa.QaGate;
import org.cdrbuilder.steps.qa.profile.ReleaseComparison;
import org.cdrbuilder.steps.qa.profile.ReleaseProfile;
import org.junit.jupiter.api.Test;

class ReportPageTest {
    private static final CheckType TYPE = new CheckType("isPrimaryKey", CheckLevel.FIELD, CheckCategory.CONFORMANCE,
            "Relational", "Verification", "duplicates in @cdmFieldName of @cdmTableName");

    private static QaReport report() {
        Violations v = new Violations(5);
        v.rows(10);
        v.violate();
        v.example(Map.of("person_id", 7L, "note", new Violations.Fact("<script>alert(1)</script>")));
        QaReport r = new QaReport();
        r.checkResults.add(CheckResult.of(TYPE, CheckKey.field("isPrimaryKey", "person", "person_id"),
                new CheckSettings(Severity.FATAL, 0, "ids & keys"), v, Map.of(), 0.5));
        Violations ok = new Violations(5);
        ok.rows(3);
        r.checkResults.add(CheckResult.of(TYPE, CheckKey.field("isPrimaryKey", "death", "person_id"),
                new CheckSettings(Severity.FATAL, 0, ""), ok, Map.of(), 0.1));
        r.overview = QaOverview.of(r.checkResults);
        r.metadataEntry().put("CDM_SOURCE_NAME", "Curated Data Repository v2 (base)");
        return r;
    }

    @Test
    void page_isSelfContained_escapesValues_andListsFailuresFirstWithTheGate() {
        QaReport r = report();
        QaGate.decide(r, "known issue <b>");
        ReleaseProfile before = new ReleaseProfile();
        before.version = "v1";
        before.tier = "base";
        before.rows.put("person", 100L);
        before.concepts.put("person.gender_concept_id", List.of(8507, 8532));
        ReleaseProfile after = new ReleaseProfile();
        after.version = "v2";
        after.tier = "base";
        after.rows.put("person", 150L);
        after.concepts.put("person.gender_concept_id", List.of(8507));
        String html = ReportPage.render(r, null, null, ReleaseComparison.of(before, after, 10, 5));
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)")
                .doesNotContain("src=\"http").doesNotContain("<link ");
        assertThat(html).contains("Publication gate: ACCEPTED").contains("known issue &lt;b&gt;")
                .contains("ids &amp; keys").contains("+50.0%").contains("8532");
        assertThat(html.indexOf("person.person_id")).isLessThan(html.indexOf("death.person_id"));
        assertThat(html).contains("No input validation was recorded").contains("No ledger was recorded");
    }
}
