package org.cdrbuilder.steps.ingest.fitbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.validate.ValueException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonToken;

class JsonValueTest {
    @Test
    void timeOfDay_fastPathAgreesWithTheIsoParser_onEverySecondOfTheDay() {
        for (int s = 0; s < 86_400; s++) {
            String text = String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
            assertThat(JsonValue.plainTime(text)).isEqualTo(LocalTime.parse(text));
        }
    }

    @Test
    void timeOfDay_textTheFastPathDoesNotTake_isDecidedByTheIsoParser() {
        List<String> texts = new ArrayList<>(List.of("24:00:00", "23:60:00", "23:59:60", "7:05:00", "07:05", "07:05:00.5",
                " 07:05:00", "07-05-00", "0a:05:00", "07:05:0x", "", "99:99:99", "12:3:456"));
        for (String t : texts) {
            LocalTime iso;
            try {
                iso = LocalTime.parse(t.trim());
            } catch (DateTimeParseException e) {
                iso = null;
            }
            JsonValue v = new JsonValue(JsonToken.VALUE_STRING, t);
            if (iso == null) {
                assertThat(JsonValue.plainTime(t)).as(t).isNull();
                assertThatThrownBy(() -> JsonValue.timeOfDay(v)).as(t).isInstanceOf(ValueException.class)
                        .hasMessageContaining("HH:mm:ss");
            } else {
                assertThat(JsonValue.timeOfDay(v)).as(t).isEqualTo(iso);
            }
        }
    }
}
