package org.cdrbuilder.steps.privacy;

import java.util.List;
import java.util.TreeSet;

import org.cdrbuilder.steps.clean.EventDates;

/** The tables privacy rules look at. */
public final class PrivacyTables {
    /** Every table holding a person's rows, the derived observation periods, and person-keyed provenance. */
    public static final List<String> PERSON_ROWS;

    static {
        TreeSet<String> t = new TreeSet<>(EventDates.PERSON_TABLES);
        t.add("observation_period");
        t.add("person_ext");
        t.add("death_ext");
        PERSON_ROWS = List.copyOf(t);
    }

    private PrivacyTables() {
    }
}
