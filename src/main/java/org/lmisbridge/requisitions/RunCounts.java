package org.lmisbridge.requisitions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The counts of one run of the requisition fetch, written to {@code flow_run.summary} as a JSON object. */
public final class RunCounts {

    int pages;
    int fetched;
    int imported;
    int requisitionsCreated;
    int alreadySeen;
    int rejected;
    int changedAfterImport;
    final Map<String, Integer> rejectedByReason = new TreeMap<>();

    void rejected(String reason) {
        rejected++;
        int colon = reason.indexOf(':');
        rejectedByReason.merge(colon > 0 ? reason.substring(0, colon) : reason, 1, Integer::sum);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pages", pages);
        m.put("fetched", fetched);
        m.put("imported", imported);
        m.put("requisitionsCreated", requisitionsCreated);
        m.put("alreadySeen", alreadySeen);
        m.put("rejected", rejected);
        m.put("changedAfterImport", changedAfterImport);
        m.put("rejectedByReason", new LinkedHashMap<>(rejectedByReason));
        return m;
    }

    public int imported() {
        return imported;
    }

    public int rejected() {
        return rejected;
    }
}
