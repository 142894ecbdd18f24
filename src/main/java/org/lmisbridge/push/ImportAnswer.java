package org.lmisbridge.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DHIS2's answer to a data value import, read per value: which values (by index in the batch) it refused, with
 * the error code and message, how many it ignored as unchanged, or that the whole batch failed (a data-set level
 * ERROR such as an unknown data set, E7600-E7605) and why.
 */
public record ImportAnswer(String status, int ignored, Map<Integer, Refusal> refused, String batchError) {

    /** Why one value was refused. */
    public record Refusal(String errorCode, String message) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DATA_SET_LEVEL = Set.of("E7600", "E7601", "E7602", "E7603", "E7604", "E7605");

    public boolean batchFailed() {
        return batchError != null;
    }

    /** Reads a 200 or 409 answer to a batch of those rows (in the order they were sent). */
    public static ImportAnswer read(int httpStatus, String body, List<OutboxRow> rows) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (Exception e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return new ImportAnswer("ERROR", 0, Map.of(), "HTTP " + httpStatus + ": not a DHIS2 import summary");
        }
        JsonNode summary = root.has("response") ? root.get("response") : root;
        String status = summary.path("status").asText(root.path("status").asText(""));
        int ignored = summary.path("importCount").path("ignored").asInt(0);
        Map<Integer, Refusal> refused = new LinkedHashMap<>();
        StringBuilder batchError = null;
        for (JsonNode c : summary.path("conflicts")) {
            String code = c.path("errorCode").asText("");
            String message = c.path("value").asText("");
            Refusal refusal = new Refusal(code, message);
            JsonNode indexes = c.path("indexes");
            if (indexes.isArray() && !indexes.isEmpty()) {
                for (JsonNode i : indexes) {
                    if (i.asInt(-1) >= 0 && i.asInt() < rows.size()) {
                        refused.putIfAbsent(i.asInt(), refusal);
                    }
                }
                continue;
            }
            boolean matched = !DATA_SET_LEVEL.contains(code) && refuseNamed(c, rows, refusal, refused);
            if (!matched) {
                batchError = batchError == null ? new StringBuilder() : batchError.append("; ");
                batchError.append((code + " " + message).trim());
            }
        }
        for (JsonNode i : summary.path("rejectedIndexes")) {
            if (i.asInt(-1) >= 0 && i.asInt() < rows.size()) {
                refused.putIfAbsent(i.asInt(), new Refusal("", "rejected by DHIS2"));
            }
        }
        if (batchError == null && "ERROR".equals(status) && refused.isEmpty()) {
            batchError = new StringBuilder(root.path("message").asText("import failed")
                    + " " + summary.path("description").asText(""));
        }
        if (batchError != null && !"ERROR".equals(status) && !refused.isEmpty()) {
            // a conflict naming nothing we sent, beside attributable ones: the named values are the refused ones
            batchError = null;
        }
        return new ImportAnswer(status, ignored, refused, batchError == null ? null : batchError.toString().trim());
    }

    /** Refuses the values the conflict's objects name (every object naming a value's field must match); true if any. */
    private static boolean refuseNamed(JsonNode conflict, List<OutboxRow> rows, Refusal refusal,
                                       Map<Integer, Refusal> refused) {
        JsonNode objects = conflict.path("objects");
        boolean any = false;
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            boolean all;
            if (objects.isObject() && !objects.isEmpty()) {
                int known = 0;
                all = true;
                for (Iterator<Map.Entry<String, JsonNode>> it = objects.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Boolean named = row.names(e.getKey(), e.getValue().asText());
                    if (named != null) {
                        known++;
                        all &= named;
                    }
                }
                all &= known > 0;
            } else {
                String ref = conflict.path("object").asText("");
                all = !ref.isEmpty() && (row.dataElement().equals(ref) || row.orgUnit().equals(ref)
                        || row.period().equals(ref) || row.categoryOptionCombo().equals(ref)
                        || row.attributeOptionCombo().equals(ref));
            }
            if (all) {
                refused.putIfAbsent(i, refusal);
                any = true;
            }
        }
        return any;
    }
}
