package org.cdrbuilder.steps.privacy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.condition;

import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** tables_published_empty: note, location, provider and care_site rows never reach a tier. */
class TablesPublishedEmptyTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"registered", "controlled"})
    void notesAndSitesGo_otherTablesStay(String tier) {
        var note = row("note", "note_id", 1L, "person_id", 1L, "note_date", PrivacyRows.DAY, "note_type_concept_id", 1,
                "note_class_concept_id", 1, "note_text", "seen today", "encoding_concept_id", 0, "language_concept_id", 0);
        var site = row("care_site", "care_site_id", 5L, "care_site_name", "Main St clinic");
        var provider = row("provider", "provider_id", 6L, "provider_name", "Dr Who");
        var location = row("location", "location_id", 7L, "zip", "02542");
        var cond = condition(2, 1, 0, null);
        var result = new RuleTestKit(tmp).participant(1).tier(tier)
                .run(new TablesPublishedEmpty(), List.of(note, site, provider, location, cond));
        assertThat(result.removed()).extracting(r -> r.table().name())
                .containsExactly("note", "care_site", "provider", "location");
        assertThat(result.remaining).containsExactly(cond);
    }
}
