package org.cdrbuilder.steps.qa.facts;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import org.cdrbuilder.core.qa.PersonFacts;
import org.cdrbuilder.core.row.Row;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongIntHashMap;

/** Persons by id with birth date and gender: a primitive map and two ints per person. */
public final class PersonIndex implements PersonFacts, FactCollector {
    private final LongIntHashMap positions = new LongIntHashMap();
    private final IntArrayList birth = new IntArrayList();
    private final IntArrayList gender = new IntArrayList();
    private int[] birthDays;
    private int[] genders;

    @Override
    public String table() {
        return "person";
    }

    @Override
    public Set<String> columns() {
        return Set.of("person_id", "year_of_birth", "month_of_birth", "day_of_birth", "birth_datetime",
                "gender_concept_id");
    }

    @Override
    public void accept(Row row) {
        Object id = row.get("person_id");
        if (!(id instanceof Long personId) || positions.containsKey(personId)) {
            return;
        }
        positions.put(personId, birth.size());
        birth.add(birthDay(row));
        Object g = row.get("gender_concept_id");
        gender.add(g instanceof Integer i ? i : 0);
    }

    static int birthDay(Row row) {
        if (row.get("birth_datetime") instanceof LocalDateTime t) {
            return (int) t.toLocalDate().toEpochDay();
        }
        if (!(row.get("year_of_birth") instanceof Integer year)) {
            return UNKNOWN_DAY;
        }
        int month = row.get("month_of_birth") instanceof Integer m && m >= 1 && m <= 12 ? m : 1;
        int day = row.get("day_of_birth") instanceof Integer d ? d : 1;
        try {
            return (int) LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return (int) LocalDate.of(year, month, 1).toEpochDay();
        }
    }

    @Override
    public void publish(Facts facts) {
        birthDays = birth.toArray();
        genders = gender.toArray();
        facts.persons(this);
    }

    @Override
    public int indexOf(long personId) {
        return positions.getOrDefault(personId, -1);
    }

    @Override
    public int size() {
        return positions.size();
    }

    @Override
    public int birthDay(int i) {
        return birthDays[i];
    }

    @Override
    public int genderConceptId(int i) {
        return genders[i];
    }
}
