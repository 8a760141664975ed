package org.cdrbuilder.steps.qa.facts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.cdrbuilder.core.qa.DeathFacts;
import org.cdrbuilder.core.qa.KeySet;
import org.cdrbuilder.core.qa.PersonFacts;
import org.cdrbuilder.core.qa.VisitFacts;

/** The facts published so far by finished scans; asking for facts not yet published is a planning bug. */
public final class Facts {
    private volatile PersonFacts persons;
    private volatile DeathFacts deaths;
    private volatile VisitFacts visits;
    private final Map<String, KeySet> keys = new ConcurrentHashMap<>();

    void persons(PersonFacts p) {
        persons = p;
    }

    void deaths(DeathFacts d) {
        deaths = d;
    }

    void visits(VisitFacts v) {
        visits = v;
    }

    void keys(String table, String column, KeySet k) {
        keys.put(table + "." + column, k);
    }

    public PersonFacts persons() {
        return require(persons, "person");
    }

    public DeathFacts deaths() {
        return require(deaths, "death");
    }

    public VisitFacts visits() {
        return require(visits, "visit_occurrence");
    }

    public KeySet keys(String table, String column) {
        if (table.equals("person") && column.equals("person_id")) {
            PersonFacts p = persons();
            return new KeySet() {
                @Override
                public boolean contains(long key) {
                    return p.indexOf(key) >= 0;
                }

                @Override
                public long size() {
                    return p.size();
                }
            };
        }
        if (table.equals("visit_occurrence") && column.equals("visit_occurrence_id")) {
            VisitFacts v = visits();
            return new KeySet() {
                @Override
                public boolean contains(long key) {
                    return v.indexOf(key) >= 0;
                }

                @Override
                public long size() {
                    return v.size();
                }
            };
        }
        return require(keys.get(table + "." + column), table);
    }

    private static <T> T require(T facts, String table) {
        if (facts == null) {
            throw new IllegalStateException("facts of " + table + " are used before its scan finished "
                    + "(the check must list " + table + " in requires())");
        }
        return facts;
    }
}
