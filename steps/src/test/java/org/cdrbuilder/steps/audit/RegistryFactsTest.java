package org.cdrbuilder.steps.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.cdrbuilder.core.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the audit recognizes as a registry identifier inside a text value, and what it must not. */
class RegistryFactsTest {
    @TempDir
    Path tmp;

    RegistryFacts facts() {
        return RegistryFacts.read(TestFiles.write(tmp.resolve("participants.csv"),
                "participant_id,first_name,last_name,email,phone,street_address,zip_code,state,date_of_birth,"
                        + "primary_consent_date,ehr_consent,ehr_consent_date,withdrawal_date,deactivation_date,hpo_site_id,"
                        + "enrollment_status,core_participant_date,biospecimen_date",
                "P300000000,Nova,White,nova.white0@example.org,555-403-4076,7102 Elm Ct,02542,MA,1971-06-17,2020-01-01,"
                        + "yes,2020-01-01,2021-03-04,,site,core_participant,,"));
    }

    @Test
    void fullNamesEmailsAddressesAndFormattedPhones_ofAnyone() {
        RegistryFacts f = facts();
        assertThat(f.anyonesIdentifier("seen by Nova White today")).isEqualTo("full name");
        assertThat(f.anyonesIdentifier("WHITE, NOVA")).isEqualTo("full name");
        assertThat(f.anyonesIdentifier("mail: Nova.White0@Example.org")).isEqualTo("email address");
        assertThat(f.anyonesIdentifier("lives at 7102 elm ct.")).isEqualTo("street address");
        assertThat(f.anyonesIdentifier("call (555) 403-4076")).isEqualTo("phone number");
        assertThat(f.anyonesIdentifier("+1 555.403.4076")).isEqualTo("phone number");
    }

    @Test
    void codesThatLookLikeNamesOrNumbers_areNotIdentifiers() {
        RegistryFacts f = facts();
        assertThat(f.anyonesIdentifier("White")).isNull();               // race answer, a last name too
        assertThat(f.anyonesIdentifier("WhatRaceEthnicity_White")).isNull();
        assertThat(f.anyonesIdentifier("5554034076")).isNull();          // bare digits: an NDC could look like this
        assertThat(f.anyonesIdentifier("02542")).isNull();               // someone's ZIP, but also a CPT-like code
    }

    @Test
    void ownPhoneDigitsAndZip_ofTheRowsParticipant() {
        RegistryFacts f = facts();
        assertThat(f.ownIdentifier(300000000L, "5554034076")).isEqualTo("phone number");
        assertThat(f.ownIdentifier(300000000L, "02542-1234")).isEqualTo("ZIP code");
        assertThat(f.ownIdentifier(300000000L, "025")).isNull();
        assertThat(f.ownIdentifier(300000001L, "02542")).isNull();
        assertThat(f.withdrawn(300000000L)).isTrue();
        assertThat(f.birthDate(300000000L)).hasToString("1971-06-17");
    }
}
