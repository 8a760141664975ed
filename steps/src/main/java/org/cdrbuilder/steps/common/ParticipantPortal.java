package org.cdrbuilder.steps.common;

/** The participant portal as a source: the masked label its rows carry in {@code src_id}. */
public final class ParticipantPortal {
    /** The {@code src_id} of every row participants provided (surveys, physical measurements, Fitbit, persons). */
    public static final String SOURCE_ID = "Participant Portal 1";

    private ParticipantPortal() {
    }
}
