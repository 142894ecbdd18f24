package org.lmisbridge.consignments;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** One run of the flow: its trigger, the updatedAt range it fetches, the page it is at and its counts. */
public final class ConsignmentRun {

    static final String PROPERTY = "consignmentRun";
    static final String MORE_PAGES = "consignmentMorePages";

    final long id;
    final String trigger;
    final LocalDateTime updatedAfter;
    final LocalDateTime updatedBefore;
    final boolean movesWatermark;
    int page = 1;
    LocalDateTime newestUpdatedAt;
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

    public Map<String, Integer> counts() {
        return counts;
    }
}
