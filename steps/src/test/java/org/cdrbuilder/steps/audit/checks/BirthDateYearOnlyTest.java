package org.cdrbuilder.steps.audit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.cdrbuilder.core.privacy.TierProfile;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.audit.AuditContext;
import org.cdrbuilder.steps.audit.AuditedRow;
import org.cdrbuilder.steps.audit.Findings;
import org.cdrbuilder.steps.audit.RegistryFacts;
import org.cdrbuilder.steps.testing.MiniDrop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.carrotsearch.hppc.IntHashSet;

/** A date equal to the birth date is a leak when it publishes the birth date, not when a shift lands on it. */
class BirthDateYearOnlyTest {
    static final LocalDate BIRTH = LocalDate.of(1983, 10, 5);
    static final TableDef OBSERVATION = CdrSchema.get().table("observation");
    @TempDir
    Path tmp;

    private AuditContext context(String tierFile) {
        Path registry = TestFiles.write(tmp.resolve("participants.csv"), MiniDrop.REGISTRY_HEADER,
                "P1001,Ann,Example,a@example.org,555-0101,1 Road,08540,PIIState_NJ," + BIRTH
                        + ",2018-01-01,yes,2018-01-01,,,site,core_participant,,");
        TierProfile profile = TierProfile.read(TestFiles.repoRoot().resolve("config/tiers").resolve(tierFile));
        return new AuditContext(profile.name, profile, LocalDate.of(2026, 10, 1), t -> List.of(), tmp, t -> List.of(),
                RegistryFacts.read(registry), null, new IntHashSet());
    }

    private static Row observation(LocalDate date) {
        return new Row(OBSERVATION).set("observation_id", 1L).set("person_id", 5_000_001L)
                .set("observation_concept_id", 40770471).set("observation_date", date)
                .set("observation_datetime", date.atTime(9, 0)).set("observation_type_concept_id", 45905771);
    }

    private static long findings(AuditContext ctx, Row published, Row source) {
        Findings f = new Findings();
        new BirthDateYearOnly().check(new AuditedRow(OBSERVATION, published, source, 1001, "omop/observation/part-0", 0),
                ctx, f);
        return f.count;
    }

    @Test
    void shiftedTier_aDateShiftedOntoTheBirthDate_isNoLeak() {
        int shift = 40;
        Row source = observation(BIRTH.plusDays(shift)); // e.g. a vaccination at 40 days, shifted back by 40 days
        Row published = observation(BIRTH);
        assertThat(findings(context("registered.yaml"), published, source)).isZero();
    }

    @Test
    void shiftedTier_anUnshiftedCopyOfTheBirthDate_isALeak() {
        Row source = observation(BIRTH);
        Row published = observation(BIRTH);
        assertThat(findings(context("registered.yaml"), published, source)).isEqualTo(2); // date and datetime
    }

    @Test
    void realDateTier_withPolicySuppress_anyDateOnTheBirthDateIsALeak_andOtherDatesAreNot() {
        AuditContext ctx = context("controlled.yaml");
        assertThat(ctx.profile().suppressBirthDateEvents()).isTrue();
        assertThat(findings(ctx, observation(BIRTH), null)).isEqualTo(2);
        assertThat(findings(ctx, observation(BIRTH.plusDays(60)), null)).isZero();
        Row datetimeOnly = observation(BIRTH.plusDays(1)).set("observation_datetime", LocalDateTime.of(BIRTH, java.time.LocalTime.NOON));
        assertThat(findings(ctx, datetimeOnly, null)).isOne();
    }

    @Test
    void realDateTier_withPolicyPublish_eventsOnTheBirthDateAreThePolicy() {
        Path profile = TestFiles.write(tmp.resolve("tiers/open.yaml"), "name: open", "shift_dates: false",
                "birth_date_events: publish");
        TierProfile p = TierProfile.read(profile);
        AuditContext base = context("controlled.yaml");
        AuditContext ctx = new AuditContext("open", p, base.cutoff(), base.release(), base.releaseRoot(), base.sources(),
                base.registry(), null, new IntHashSet());
        assertThat(findings(ctx, observation(BIRTH), null)).isZero();
    }
}
