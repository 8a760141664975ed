package org.cdrbuilder.steps.qa.checks;

import org.cdrbuilder.core.qa.PersonFacts;

/** Looks persons up with the last answer remembered: rows of one person usually follow each other. */
final class PersonCursor {
    private final PersonFacts persons;
    private long lastId = Long.MIN_VALUE;
    private int lastIndex = -1;

    PersonCursor(PersonFacts persons) {
        this.persons = persons;
    }

    /** The person's position, or -1 when not a published person. */
    int indexOf(long personId) {
        if (personId != lastId) {
            lastId = personId;
            lastIndex = persons.indexOf(personId);
        }
        return lastIndex;
    }

    PersonFacts facts() {
        return persons;
    }
}
