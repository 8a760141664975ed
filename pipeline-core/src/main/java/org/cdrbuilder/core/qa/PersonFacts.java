package org.cdrbuilder.core.qa;

/**
 * What checks need to know of each published person, collected from the person table's scan: whether the person
 * exists, the birth date and the gender concept. Positions are dense (0 to size - 1) so that a check can keep one bit
 * per person.
 */
public interface PersonFacts {
    /** Returned by {@link #birthDay} when the birth date is unknown. */
    int UNKNOWN_DAY = Integer.MIN_VALUE;

    /** The person's position, or -1 when the person is not in the person table. */
    int indexOf(long personId);

    int size();

    /** Birth date (epoch day) at position {@code i}: birth_datetime, else year, month (or 1) and day (or 1). */
    int birthDay(int i);

    /** gender_concept_id at position {@code i} (0 when missing). */
    int genderConceptId(int i);
}
