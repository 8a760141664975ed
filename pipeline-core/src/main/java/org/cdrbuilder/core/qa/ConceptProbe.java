package org.cdrbuilder.core.qa;

/**
 * A probe of a concept-level check: it sees only the rows whose {@link #conceptColumn} holds {@link #conceptId}, so a
 * table scan with many concept checks looks each row's concept up once instead of asking every probe.
 */
public interface ConceptProbe extends Probe {
    String conceptColumn();

    int conceptId();
}
