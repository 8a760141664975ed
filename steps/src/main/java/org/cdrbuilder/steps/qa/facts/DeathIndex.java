package org.cdrbuilder.steps.qa.facts;

import java.time.LocalDate;
import java.util.Set;

import org.cdrbuilder.core.qa.DeathFacts;
import org.cdrbuilder.core.row.Row;

import com.carrotsearch.hppc.LongIntHashMap;

/** The earliest death date of each person with a death record. */
public final class DeathIndex implements DeathFacts, FactCollector {
    private final LongIntHashMap days = new LongIntHashMap();

    @Override
    public String table() {
        return "death";
    }

    @Override
    public Set<String> columns() {
        return Set.of("person_id", "death_date");
    }

    @Override
    public void accept(Row row) {
        if (row.get("person_id") instanceof Long id && row.get("death_date") instanceof LocalDate d) {
            int day = (int) d.toEpochDay();
            int known = days.getOrDefault(id, NONE);
            days.put(id, Math.min(known, day));
        }
    }

    @Override
    public void publish(Facts facts) {
        facts.deaths(this);
    }

    @Override
    public int deathDay(long personId) {
        return days.getOrDefault(personId, NONE);
    }

    @Override
    public int size() {
        return days.size();
    }
}
