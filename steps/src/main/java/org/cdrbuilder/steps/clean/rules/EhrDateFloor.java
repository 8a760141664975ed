package org.cdrbuilder.steps.clean.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.clean.EventDates;

import com.google.auto.service.AutoService;

/**
 * Very old EHR dates are mostly placeholders and typing errors (a year 206, a 1900-01-01 default). Observation
 * has a lower floor because it holds history (family history, past conditions) that legitimately reaches back further.
 */
@AutoService(CleaningRule.class)
public final class EhrDateFloor implements CleaningRule {
    private static final RuleInfo INFO = new RuleInfo("ehr_date_floor",
            "Removes EHR rows dated in or before the floor year (1980; 1900 for observation). Survey, physical "
                    + "measurement and wearable rows are not affected.",
            EventDates.EVENT_TABLES, List.of("data_after_deactivation"), Set.of(),
            List.of("cdr_cleaner RemoveRecordsWithWrongDate (DC-489, DC-828)"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Scope scope() {
        return Scope.PERSON_DAY; // decided from the person and the event day alone
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        if (!origin.isEhr()) {
            return Verdict.KEEP;
        }
        LocalDate d = EventDates.of(row);
        if (d == null) {
            return Verdict.KEEP;
        }
        int floor = row.table().name().equals("observation") ? ctx.parameters().observationFloorYear
                : ctx.parameters().ehrFloorYear;
        return d.getYear() > floor ? Verdict.KEEP : Verdict.remove("EHR row dated in or before the floor year");
    }
}
