package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;

import org.cdrbuilder.app.cli.Cdr;
import org.cdrbuilder.app.cli.RulesCommand;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RuleEngine;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.TestFiles;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code cdr rules list} comes from the rules' metadata, and the README's rules section is its output. */
class RulesCatalogTest {

    private static String run(String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true));
        try {
            assertThat(Cdr.execute(args)).isZero();
        } finally {
            System.setOut(old);
        }
        return buf.toString();
    }

    @Test
    void json_listsEveryRuleWithIdDescriptionTablesAndDependencies() throws Exception {
        JsonNode rules = WorkLayout.JSON.readTree(run("rules", "list", "--format", "json"));
        List<CleaningRule> discovered = RuleEngine.of(RuleEngine.discover()).rules();
        assertThat(rules).hasSize(discovered.size());
        for (int i = 0; i < discovered.size(); i++) {
            JsonNode r = rules.get(i);
            assertThat(r.get("id").asText()).isEqualTo(discovered.get(i).info().id());
            assertThat(r.get("description").asText()).isNotBlank();
            assertThat(r.get("tables").size()).isPositive();
            assertThat(r.has("dependsOn")).isTrue();
        }
    }

    @Test
    void readme_rulesSection_isTheGeneratedTable() throws Exception {
        String readme = Files.readString(TestFiles.repoRoot().resolve("README.md"));
        String md = RulesCommand.markdown(RuleEngine.of(RuleEngine.discover()).rules().stream().map(CleaningRule::info).toList());
        assertThat(readme).as("README rules section is stale: run scripts/update-readme-rules")
                .contains("<!-- rules:begin -->\n" + md + "<!-- rules:end -->");
        assertThat(run("rules", "list", "--format", "md")).isEqualTo(md);
    }
}
