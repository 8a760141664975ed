package org.cdrbuilder.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;

import org.cdrbuilder.core.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParticipantKeysTest {
    static final PrivacyKey KEY = PrivacyKey.of("a-test-key-of-enough-length");
    @TempDir
    Path tmp;

    @Test
    void continuingParticipantsKeepIdAndShift_newOnesGetFreshOnes() throws Exception {
        ParticipantKeys v1 = ParticipantKeys.open(tmp, KEY, 364);
        v1.assign(LongStream.rangeClosed(1, 2000).toArray(), "v1");
        v1.save();
        ParticipantKeys v2 = ParticipantKeys.open(tmp, KEY, 364);
        v2.assign(LongStream.rangeClosed(1, 2500).toArray(), "v2");
        v2.save();
        for (long n = 1; n <= 2000; n++) {
            assertThat(v2.researchId(n)).isEqualTo(v1.researchId(n));
            assertThat(v2.shiftDays(n)).isEqualTo(v1.shiftDays(n)).isBetween(1, 364);
        }
        assertThat(v2.researchIds().size()).as("ids are unique").isEqualTo(2500);
        for (long n = 1; n <= 2500; n++) {
            long id = v2.researchId(n);
            assertThat(id).isBetween(1_000_000L, 9_999_999L);
            assertThat(v2.participant(id)).isEqualTo(n);
        }
        // shifts spread over the whole range
        assertThat(LongStream.rangeClosed(1, 2500).map(n -> v2.shiftDays(n)).distinct().count()).isGreaterThan(300);
        assertThat(Files.readString(tmp.resolve("key-check.txt"))).doesNotContain("a-test-key");
    }

    @Test
    void packed_travelsWithoutTheKey_andUnpacksWithTheSameKeyOnly() throws Exception {
        ParticipantKeys keys = ParticipantKeys.open(tmp, KEY, 364);
        keys.assign(LongStream.rangeClosed(1, 500).map(n -> n * 7919).toArray(), "v3");
        // through Java serialization, as a Spark broadcast sends it
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(keys.packed());
        }
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("a-test-key");
        ParticipantKeys.Packed packed;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            packed = (ParticipantKeys.Packed) in.readObject();
        }
        ParticipantKeys copy = ParticipantKeys.unpack(packed, KEY);
        assertThat(copy.size()).isEqualTo(500);
        for (long n = 7919; n <= 500 * 7919; n += 7919) {
            assertThat(copy.researchId(n)).isEqualTo(keys.researchId(n)).isPositive();
            assertThat(copy.shiftDays(n)).isEqualTo(keys.shiftDays(n));
            assertThat(copy.participant(keys.researchId(n))).isEqualTo(n);
        }
        assertThat(copy.mask("fitbit-device", "ABC")).isEqualTo(keys.mask("fitbit-device", "ABC"));
        assertThatThrownBy(() -> ParticipantKeys.unpack(packed, PrivacyKey.of("another-key-of-enough-length")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("different key");
    }

    @Test
    void anotherKey_givesOtherIds_andIsRefusedByAStoreMadeWithTheFirst() {
        ParticipantKeys a = ParticipantKeys.open(tmp.resolve("a"), KEY, 364);
        a.assign(LongStream.rangeClosed(1, 100).toArray(), "v1");
        a.save();
        PrivacyKey other = PrivacyKey.of("another-key-of-enough-length");
        ParticipantKeys b = ParticipantKeys.open(tmp.resolve("b"), other, 364);
        b.assign(LongStream.rangeClosed(1, 100).toArray(), "v1");
        long same = LongStream.rangeClosed(1, 100).filter(n -> a.researchId(n) == b.researchId(n)).count();
        assertThat(same).isLessThan(2);
        assertThatThrownBy(() -> ParticipantKeys.open(tmp.resolve("a"), other, 364))
                .isInstanceOf(ConfigException.class).hasMessageContaining("different key");
    }

    @Test
    void keysAreNeverPrinted_andShortKeysRefused() {
        assertThat(KEY.toString()).doesNotContain("test-key");
        assertThatThrownBy(() -> PrivacyKey.of("short")).isInstanceOf(ConfigException.class);
    }
}
