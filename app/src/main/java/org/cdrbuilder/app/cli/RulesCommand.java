package org.cdrbuilder.app.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RuleEngine;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.stage.WorkLayout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cdr rules}: the cleaning-rule catalog, from the rules' own metadata. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "The cleaning rules.",
        subcommands = RulesCommand.ListRules.class)
public final class RulesCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** {@code cdr rules list}: every rule in execution order. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the cleaning rules in the order they run (table, md or json).")
    public static final class ListRules implements Callable<Integer> {
        @Option(names = "--format", defaultValue = "table", paramLabel = "table|md|json",
                description = "Output format (default ${DEFAULT-VALUE}).")
        String format;

        private final PrintStream out;

        public ListRules() {
            this(System.out);
        }

        ListRules(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            List<RuleInfo> rules = RuleEngine.of(RuleEngine.discover()).rules().stream().map(CleaningRule::info).toList();
            switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> out.println(json(rules));
                case "md" -> out.print(markdown(rules));
                case "table" -> table(rules);
                default -> throw new ConfigException("--format must be table, md or json: " + format);
            }
            return ExitCodes.OK;
        }

        private void table(List<RuleInfo> rules) {
            int n = 1;
            for (RuleInfo r : rules) {
                out.printf("%2d. %-36s %s%n", n++, r.id(), r.description());
                out.printf("    tables: %s%s%n", compactTables(r.tables()),
                        r.dependsOn().isEmpty() ? "" : "; after: " + String.join(", ", r.dependsOn()));
            }
        }
    }

    static String json(List<RuleInfo> rules) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RuleInfo r : rules) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("description", r.description());
            m.put("tables", r.tables());
            m.put("dependsOn", r.dependsOn());
            m.put("tiers", r.tiers().isEmpty() ? List.of("all") : r.tiers().stream().sorted().toList());
            m.put("references", r.references());
            out.add(m);
        }
        return WorkLayout.JSON.writeValueAsString(out);
    }

    /** The catalog as a Markdown table (the README's rules section is this text). */
    public static String markdown(List<RuleInfo> rules) {
        StringBuilder sb = new StringBuilder();
        sb.append("| # | rule | what it does | tables | runs after |\n|---|---|---|---|---|\n");
        int n = 1;
        for (RuleInfo r : rules) {
            sb.append("| ").append(n++).append(" | `").append(r.id()).append("` | ").append(r.description().replace("|", "\\|"))
                    .append(" | ").append(compactTables(r.tables())).append(" | ")
                    .append(r.dependsOn().isEmpty() ? "" : String.join(", ", r.dependsOn().stream().map(d -> "`" + d + "`").toList()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    /** The person and event table lists are long; name them rather than listing every table. */
    static String compactTables(List<String> tables) {
        if (tables.equals(org.cdrbuilder.steps.clean.EventDates.PERSON_TABLES)) {
            return "person and every event table";
        }
        if (tables.equals(org.cdrbuilder.steps.clean.EventDates.EVENT_TABLES)) {
            return "every event table";
        }
        return String.join(", ", tables);
    }
}
