package org.cdrbuilder.steps.clean.rules;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import com.carrotsearch.hppc.LongHashSet;

/**
 * Picks the latest of competing records (a participant's responses to one survey module, a participant's
 * physical-measurement sessions): the latest time wins, ties go to the highest id, a missing time loses to any time.
 * What it keeps is one candidate per key while offering, and then only the ids that lost.
 */
final class LatestWins<K> {
    private record Candidate(long id, LocalDateTime time) {
        boolean laterThan(Candidate other) {
            if (time == null || other.time == null) {
                return time != null || (other.time == null && id > other.id);
            }
            int c = time.compareTo(other.time);
            return c > 0 || (c == 0 && id > other.id);
        }
    }

    private final Map<K, Candidate> latest = new HashMap<>();
    private final LongHashSet superseded = new LongHashSet();

    void offer(K key, long id, LocalDateTime time) {
        Candidate candidate = new Candidate(id, time);
        Candidate previous = latest.putIfAbsent(key, candidate);
        if (previous == null) {
            return;
        }
        if (candidate.laterThan(previous)) {
            latest.put(key, candidate);
            superseded.add(previous.id);
        } else {
            superseded.add(id);
        }
    }

    /** Ids of the records a later one of the same key replaces. */
    LongHashSet superseded() {
        return superseded;
    }
}
