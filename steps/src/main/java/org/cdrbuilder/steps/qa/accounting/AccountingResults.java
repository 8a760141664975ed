package org.cdrbuilder.steps.qa.accounting;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.ArrayList;
import java.util.Comparator;

import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.QaSettings;
import org.cdrbuilder.core.qa.QaThresholds;
import org.cdrbuilder.core.qa.Violations;

/** The accounting checks on the class path, and how their results are made. */
public final class AccountingResults {
    private AccountingResults() {
    }

    public static List<AccountingCheck> discover() {
        List<AccountingCheck> out = new ArrayList<>();
        ServiceLoader.load(AccountingCheck.class).forEach(out::add);
        out.sort(Comparator.comparing(c -> c.type().name()));
        return List.copyOf(out);
    }

    public static List<String> names() {
        return discover().stream().map(c -> c.type().name()).toList();
    }

    /** Every accounting check's results for one tier. */
    public static List<CheckResult> evaluate(AccountingFacts facts, QaThresholds thresholds, QaSettings settings) {
        List<CheckResult> out = new ArrayList<>();
        for (AccountingCheck c : discover()) {
            out.addAll(c.evaluate(facts, thresholds, settings));
        }
        return out;
    }

    /**
     * One result: {@code violated} of {@code denominator} against the key's threshold, for {@code source}. The
     * check id gets the source, so that results of two sources of one table stay apart.
     */
    static CheckResult result(CheckType type, CheckKey key, String source, long violated, long denominator,
                              QaThresholds thresholds, Map<String, String> parameters,
                              List<Map<String, Object>> examples) {
        Violations v = new Violations(examples.size());
        v.rows(denominator);
        v.violate(violated);
        examples.forEach(v::example);
        CheckResult r = CheckResult.of(type, key, thresholds.settings(key), v, parameters, 0);
        r.source = source;
        r.checkId = key.id() + "_" + slug(source);
        return r;
    }

    static String slug(String source) {
        return source.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    static String percent(long n, long of) {
        return of == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * n / of);
    }
}
