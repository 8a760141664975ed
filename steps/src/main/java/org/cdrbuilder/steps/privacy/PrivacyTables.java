package org.cdrbuilder.steps.privacy;

import java.util.List;
import java.util.TreeSet;

import org.cdrbuilder.steps.clean.EventDates;

/** The tables privacy rules look at. */
public final class PrivacyTables {
    /** Every table holding a person's rows: each table of the changelog with a person_id column (events, persons, observation periods, person-keyed provenance). */
    public static final List<String> PERSON_ROWS;

    static {
        TreeSet<String> t = new TreeSet<>();
        org.cdrbuilder.schema.CdrSchema.get().personTables().forEach(d -> t.add(d.name()));
        PERSON_ROWS = List.copyOf(t);
    }

    private PrivacyTables() {
    }
}
