package org.cdrbuilder.app.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cdrbuilder.core.config.ConfigException;
import org.junit.jupiter.api.Test;

class PostgresTargetTest {

    @Test
    void messagesShowTheUrl_withoutItsPassword() {
        assertThat(PostgresTarget.mask("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        PostgresTarget t = PostgresTarget.of("jdbc:postgresql://h:5433/db?user=u&password=s3cret", null, null, null);
        assertThat(t.shownUrl()).isEqualTo("jdbc:postgresql://h:5433/db");
        assertThat(t.user()).isEqualTo("u");
        assertThat(PostgresTarget.of("jdbc:postgresql://h/db?user=u", "flag-user", null, null).user()).isEqualTo("flag-user");
    }

    @Test
    void urlsThatAreNotPostgres_areRefusedAsArguments() {
        assertThatThrownBy(() -> PostgresTarget.of("jdbc:h2:mem:x?password=s3cret", null, null, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must be a PostgreSQL JDBC URL")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> PostgresTarget.of("jdbc:postgresql://h:notaport/db", null, null, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a valid PostgreSQL JDBC URL");
        assertThatThrownBy(() -> PostgresTarget.of(" ", null, null, null)).hasMessageContaining("--jdbc-url is required");
    }
}
