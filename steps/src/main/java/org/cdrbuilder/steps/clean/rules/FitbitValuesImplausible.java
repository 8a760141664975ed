package org.cdrbuilder.steps.clean.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.RuleParameters;
import org.cdrbuilder.core.rules.Verdict;

import com.google.auto.service.AutoService;

/**
 * A Fitbit value outside what a body or a day allows (a heart rate of -50, 400 steps in a minute, more than 1,440
 * minutes in a day) is a device or export error, not a measurement: the row is removed. Ranges per table and column
 * are {@code fitbit_plausible_values} in {@code config/rules.yaml}.
 */
@AutoService(CleaningRule.class)
public final class FitbitValuesImplausible implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.of("fitbit_values_implausible",
            "Removes Fitbit rows with a value outside its plausible range (fitbit_plausible_values: heart rate "
                    + "20-250 per minute, steps 0-300 per minute, minutes 0-1440 per day ...).",
            List.of("activity_summary", "heart_rate_minute_level", "heart_rate_summary", "sleep_daily_summary",
                    "sleep_level", "steps_intraday"), "data_after_deactivation");

    /** Per table: column indexes and their ranges. */
    private record Limits(int[] columns, RuleParameters.Range[] ranges, String[] names) {
    }

    private final Map<String, Limits> limits = new ConcurrentHashMap<>();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        Limits l = limits.computeIfAbsent(row.table().name(), t -> limits(row, ctx.parameters()));
        for (int i = 0; i < l.columns().length; i++) {
            if (row.get(l.columns()[i]) instanceof Number n && !l.ranges()[i].contains(n.doubleValue())) {
                return Verdict.remove(l.names()[i] + " outside its plausible range");
            }
        }
        return Verdict.KEEP;
    }

    private static Limits limits(Row row, RuleParameters p) {
        List<Integer> cols = new ArrayList<>();
        List<RuleParameters.Range> ranges = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String prefix = row.table().name() + ".";
        p.fitbitPlausibleValues.forEach((key, range) -> {
            if (key.startsWith(prefix) && row.table().hasColumn(key.substring(prefix.length()))) {
                cols.add(row.table().indexOf(key.substring(prefix.length())));
                ranges.add(range);
                names.add(key.substring(prefix.length()));
            }
        });
        return new Limits(cols.stream().mapToInt(Integer::intValue).toArray(),
                ranges.toArray(new RuleParameters.Range[0]), names.toArray(new String[0]));
    }
}
