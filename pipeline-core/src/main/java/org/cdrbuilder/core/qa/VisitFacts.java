package org.cdrbuilder.core.qa;

/** Visit ids with their start and end dates, collected from the visit_occurrence scan. */
public interface VisitFacts {
    /** The visit's position, or -1 when no visit has this id. */
    int indexOf(long visitId);

    int size();

    /** visit_start_date (epoch day) at position {@code i}. */
    int startDay(int i);

    /** visit_end_date (epoch day) at position {@code i} (the start date when missing). */
    int endDay(int i);
}
