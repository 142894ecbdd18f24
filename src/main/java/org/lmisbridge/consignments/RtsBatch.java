package org.lmisbridge.consignments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One tracker payload of RTS stock receipts. For each item at a facility it knows the "Item" tracked entity and its
 * enrollment (found, or to be created with derived UIDs) and the stock on hand of the latest RTS event; each line
 * then becomes a "Stock on Hand" event with Stock receipt = the quantity received, Previous stock balance = the
 * balance before it and Stock on hand = previous + receipt (lines of one item chained in line order).
 */
public final class RtsBatch {

    static final String PROPERTY = "rtsBatch";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DHIS2_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    /** An item at a facility. */
    public record ItemKey(String orgUnit, String itemCode) {
    }

    /** A pending stock receipt. */
    public record Line(long lineId, ItemKey item, long quantity, LocalDateTime occurredAt, String eventUid, int attempts) {
    }

    static final class ItemState {
        String trackedEntity;
        String enrollment;
        boolean createTrackedEntity;
        boolean createEnrollment;
        Long balance;
    }

    /** What was sent for a line: its objects and the balances it carried. */
    record Sent(Line line, Set<String> uids, long previousBalance, long stockOnHand, String json) {
    }

    private final ConsignmentSettings settings;
    private final List<Line> lines;
    private final Map<ItemKey, ItemState> items = new LinkedHashMap<>();
    private final List<Sent> sent = new ArrayList<>();

    RtsBatch(ConsignmentSettings settings, List<Line> lines) {
        this.settings = settings;
        this.lines = lines;
    }

    /** The distinct items of the batch, each to be looked up in DHIS2. */
    List<ItemKey> itemKeys() {
        return List.copyOf(new LinkedHashSet<>(lines.stream().map(Line::item).toList()));
    }

    /** Takes the answer of {@code /api/tracker/trackedEntities} for an item; true when its history must be read. */
    boolean trackedEntityFound(ItemKey key, JsonNode answer) {
        JsonNode list = answer.has("trackedEntities") ? answer.path("trackedEntities") : answer.path("instances");
        ItemState state = new ItemState();
        items.put(key, state);
        for (JsonNode te : list) {
            state.trackedEntity = te.path("trackedEntity").asText();
            for (JsonNode en : te.path("enrollments")) {
                if (settings.rtsProgram().equals(en.path("program").asText())) {
                    state.enrollment = en.path("enrollment").asText();
                    return true;
                }
            }
        }
        if (state.trackedEntity == null) {
            state.trackedEntity = RtsUids.trackedEntity(key.orgUnit(), key.itemCode());
            state.createTrackedEntity = true;
        }
        state.enrollment = RtsUids.enrollment(settings.rtsProgram(), key.orgUnit(), key.itemCode());
        state.createEnrollment = true;
        state.balance = 0L;
        return false;
    }

    String trackedEntityOf(ItemKey key) {
        return items.get(key).trackedEntity;
    }

    /**
     * Takes the item's RTS events, newest first: the stock on hand of the newest one that is not one of this batch's
     * own events (a retried post must not count its own receipt twice) is the previous balance; none gives 0.
     */
    void historyFound(ItemKey key, JsonNode answer) {
        Set<String> own = new HashSet<>(lines.stream().map(Line::eventUid).toList());
        JsonNode list = answer.has("events") ? answer.path("events") : answer.path("instances");
        long balance = 0;
        for (JsonNode e : list) {
            if (own.contains(e.path("event").asText())) {
                continue;
            }
            String soh = value(e, settings.rtsStockOnHandElement());
            if (soh != null) {
                balance = Math.round(Double.parseDouble(soh));
                break;
            }
        }
        items.get(key).balance = balance;
    }

    /** The tracker payload of the lines whose item is known; empty when there is none. */
    String payload() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode entities = root.putArray("trackedEntities");
        ArrayNode enrollments = root.putArray("enrollments");
        ArrayNode events = root.putArray("events");
        Map<ItemKey, Long> running = new LinkedHashMap<>();
        Set<ItemKey> created = new HashSet<>();
        sent.clear();
        for (Line line : lines) {
            ItemState state = items.get(line.item());
            if (state == null || state.balance == null) {
                continue;
            }
            Set<String> uids = new LinkedHashSet<>();
            uids.add(line.eventUid());
            if (state.createTrackedEntity) {
                uids.add(state.trackedEntity);
            }
            if (state.createEnrollment) {
                uids.add(state.enrollment);
            }
            if ((state.createTrackedEntity || state.createEnrollment) && created.add(line.item())) {
                if (state.createTrackedEntity) {
                    ObjectNode te = entities.addObject();
                    te.put("trackedEntity", state.trackedEntity);
                    te.put("trackedEntityType", settings.rtsTrackedEntityType());
                    te.put("orgUnit", line.item().orgUnit());
                    te.putArray("attributes").addObject()
                            .put("attribute", settings.rtsItemCodeAttribute()).put("value", line.item().itemCode());
                }
                ObjectNode en = enrollments.addObject();
                en.put("enrollment", state.enrollment);
                en.put("trackedEntity", state.trackedEntity);
                en.put("program", settings.rtsProgram());
                en.put("orgUnit", line.item().orgUnit());
                en.put("status", "ACTIVE");
                en.put("enrolledAt", DHIS2_TIME.format(line.occurredAt()));
                en.put("occurredAt", DHIS2_TIME.format(line.occurredAt()));
            }
            long previous = running.getOrDefault(line.item(), state.balance);
            long stockOnHand = previous + line.quantity();
            running.put(line.item(), stockOnHand);
            ObjectNode ev = events.addObject();
            ev.put("event", line.eventUid());
            ev.put("program", settings.rtsProgram());
            ev.put("programStage", settings.rtsStage());
            ev.put("enrollment", state.enrollment);
            ev.put("trackedEntity", state.trackedEntity);
            ev.put("orgUnit", line.item().orgUnit());
            ev.put("occurredAt", DHIS2_TIME.format(line.occurredAt()));
            ev.put("status", "COMPLETED");
            ArrayNode dvs = ev.putArray("dataValues");
            dvs.addObject().put("dataElement", settings.rtsStockReceiptElement()).put("value", String.valueOf(line.quantity()));
            dvs.addObject().put("dataElement", settings.rtsPreviousBalanceElement()).put("value", String.valueOf(previous));
            dvs.addObject().put("dataElement", settings.rtsStockOnHandElement()).put("value", String.valueOf(stockOnHand));
            sent.add(new Sent(line, uids, previous, stockOnHand, ev.toString()));
        }
        return sent.isEmpty() ? "" : root.toString();
    }

    int size() {
        return lines.size();
    }

    List<Sent> sent() {
        return sent;
    }

    /** The errors of an import report by object UID ({@code validationReport.errorReports[].uid}). */
    static Map<String, List<String>> errorsByUid(JsonNode report) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (JsonNode e : report.path("validationReport").path("errorReports")) {
            errors.computeIfAbsent(e.path("uid").asText(), k -> new ArrayList<>())
                    .add(e.path("errorCode").asText() + " " + e.path("message").asText());
        }
        return errors;
    }

    private static String value(JsonNode event, String dataElement) {
        for (JsonNode dv : event.path("dataValues")) {
            if (dataElement.equals(dv.path("dataElement").asText()) && dv.hasNonNull("value")
                    && !dv.path("value").asText().isBlank()) {
                return dv.path("value").asText();
            }
        }
        return null;
    }
}
