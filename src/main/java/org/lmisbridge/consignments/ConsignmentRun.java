package org.lmisbridge.consignments;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of the flow: its trigger, the updatedAt range it fetches, the page it is at, its counts and, once a DHIS2
 * call was given up on, why. The route calls its DHIS2 routes through {@code enrich}, on copies of the exchange that
 * share this object: what a call changes is kept here, not in exchange properties.
 */
public final class ConsignmentRun {

    static final String PROPERTY = "consignmentRun";
    static final String MORE_PAGES = "consignmentMorePages";

    final long id;
    final String trigger;
    final LocalDateTime updatedAfter;
    final LocalDateTime updatedBefore;
    final boolean movesWatermark;
    int page = 1;
    boolean morePages = true;
    LocalDateTime newestUpdatedAt;
    private String failure;
    final Map<String, Integer> counts = new LinkedHashMap<>();

    ConsignmentRun(long id, String trigger, LocalDateTime updatedAfter, LocalDateTime updatedBefore,
                   boolean movesWatermark) {
        this.id = id;
        this.trigger = trigger;
        this.updatedAfter = updatedAfter;
        this.updatedBefore = updatedBefore;
        this.movesWatermark = movesWatermark;
        for (String k : new String[] {"fetched", "applied", "alreadyApplied", "rejected", "alreadySetAside", "rtsPosted", "rtsFailed",
            "rtsDead", "rtsWaiting"}) {
            counts.put(k, 0);
        }
    }

    void count(String what, int n) {
        counts.merge(what, n, Integer::sum);
    }

    void seen(LocalDateTime updatedAt) {
        if (updatedAt != null && (newestUpdatedAt == null || updatedAt.isAfter(newestUpdatedAt))) {
            newestUpdatedAt = updatedAt;
        }
    }

    /** A DHIS2 call of the run was given up on (dead-lettered): the run ends FAILED with the first such reason. */
    void gaveUp(String reason) {
        if (failure == null) {
            failure = reason;
        }
    }

    /** Why the run failed, or null. */
    public String failure() {
        return failure;
    }

    public Map<String, Integer> counts() {
        return counts;
    }
}
