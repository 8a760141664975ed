package org.cdrbuilder.core.qa;

/** Death dates by person, collected from the death table's scan. */
public interface DeathFacts {
    /** Returned by {@link #deathDay} for a person without a death record. */
    int NONE = Integer.MAX_VALUE;

    /** The earliest death date (epoch day) of the person, or {@link #NONE}. */
    int deathDay(long personId);

    /** Number of persons with a death record. */
    int size();
}
