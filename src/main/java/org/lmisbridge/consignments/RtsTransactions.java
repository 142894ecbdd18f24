package org.lmisbridge.consignments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.lmisbridge.ops.DeadLetters;
import org.lmisbridge.sql.NamedSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the queued RTS stock receipts ({@code rts_transaction}) to DHIS2 and reads the answer per object: a line
 * whose event (or the tracked entity or enrollment created for it) is named in {@code errorReports} failed and is
 * tried again on the next run, until {@code consignments.max-attempts}, then it is DEAD and dead-lettered; the other
 * lines are POSTED. Used by routes/consignment-acknowledgement.camel.yaml.
 */
public class RtsTransactions {

    static final String ITEM_KEY = "rtsItemKey";
    static final String NEEDS_HISTORY = "rtsNeedsHistory";
    static final String HAS_PAYLOAD = "rtsHasPayload";
    private static final Logger LOG = LoggerFactory.getLogger(RtsTransactions.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final ConsignmentSettings settings;
    private final NamedSql pending = NamedSql.load("rts-transaction-pending");
    private final NamedSql posted = NamedSql.load("rts-transaction-posted");
    private final NamedSql failed = NamedSql.load("rts-transaction-failed");
    private final NamedSql status = NamedSql.load("rts-transaction-status");
    private final NamedSql reopen = NamedSql.load("rts-transaction-reopen");
    private final NamedSql deadLetter = NamedSql.load("dead-letter-insert");

    public RtsTransactions(DataSource dataSource, ConsignmentSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** Loads the pending stock receipts into a batch; answers the items to look up. */
    public List<RtsBatch.ItemKey> startBatch(Exchange exchange) {
        List<RtsBatch.Line> lines = new ArrayList<>();
        for (Map<String, Object> row : pending.query(dataSource, Map.of("limit", settings.batchSize()))) {
            lines.add(new RtsBatch.Line(((Number) row.get("shipment_line_id")).longValue(),
                    new RtsBatch.ItemKey((String) row.get("org_unit"), (String) row.get("item_code")),
                    ((Number) row.get("quantity")).longValue(), ((Timestamp) row.get("occurred_at")).toLocalDateTime(),
                    (String) row.get("event_uid"), ((Number) row.get("attempts")).intValue()));
        }
        RtsBatch batch = new RtsBatch(settings, lines);
        exchange.setProperty(RtsBatch.PROPERTY, batch);
        return batch.itemKeys();
    }

    /**
     * The outcome of one item lookup (route rts-find-item, called through {@code enrich} with
     * {@link org.lmisbridge.ops.CallOutcome} in the split): an item given up on leaves its lines PENDING for a later
     * run, the rest of the batch goes on, and the run fails with the reason.
     */
    public void itemOutcome(Exchange exchange, String givenUp) {
        if (givenUp != null) {
            RtsBatch.ItemKey key = exchange.getMessage().getBody(RtsBatch.ItemKey.class);
            gaveUp(exchange, "item " + (key == null ? "?" : key.itemCode() + " at " + key.orgUnit())
                    + " not looked up, its stock receipts wait for the next run: " + givenUp);
        }
    }

    /**
     * The outcome of the tracker post (route rts-post-tracker, called through {@code enrich} with
     * {@link org.lmisbridge.ops.CallOutcome}): given up on, its lines stay PENDING (attempts unchanged) for the next
     * run, and the run fails with the reason.
     */
    public void postOutcome(Exchange exchange, String givenUp) {
        if (givenUp != null) {
            gaveUp(exchange, "RTS stock receipts not posted, they wait for the next run: " + givenUp);
        }
    }

    /**
     * Ends the batch: when lines wait because their item lookup was given up, the exchange is marked
     * {@link DeadLetters#DEAD_LETTERED}, as the lookups' own copies were, so a replayed dead letter of this batch
     * that fails again stays NEW.
     */
    public void endBatch(Exchange exchange) {
        RtsBatch batch = exchange.getProperty(RtsBatch.PROPERTY, RtsBatch.class);
        if (batch != null && batch.sent().size() < batch.size()) {
            exchange.setProperty(DeadLetters.DEAD_LETTERED, true);
        }
    }

    private static void gaveUp(Exchange exchange, String reason) {
        ConsignmentRun run = exchange.getProperty(ConsignmentRun.PROPERTY, ConsignmentRun.class);
        if (run != null) {
            run.gaveUp(reason);
        }
    }

    public String trackedEntityQuery(Exchange exchange) {
        RtsBatch.ItemKey key = exchange.getProperty(ITEM_KEY, RtsBatch.ItemKey.class);
        return "program=" + settings.rtsProgram() + "&orgUnit=" + key.orgUnit()
                + "&filter=" + enc(settings.rtsItemCodeAttribute() + ":eq:" + key.itemCode())
                + "&fields=" + enc("trackedEntity,orgUnit,enrollments[enrollment,program,orgUnit]");
    }

    public void trackedEntityFound(Exchange exchange) throws IOException {
        RtsBatch batch = exchange.getProperty(RtsBatch.PROPERTY, RtsBatch.class);
        RtsBatch.ItemKey key = exchange.getProperty(ITEM_KEY, RtsBatch.ItemKey.class);
        boolean history = batch.trackedEntityFound(key, JSON.readTree(exchange.getMessage().getBody(String.class)));
        exchange.setProperty(NEEDS_HISTORY, history);
    }

    /** The item's RTS events at the facility, newest first (mSupply's "RTS SOH raw data"). */
    public String historyQuery(Exchange exchange) {
        RtsBatch batch = exchange.getProperty(RtsBatch.PROPERTY, RtsBatch.class);
        RtsBatch.ItemKey key = exchange.getProperty(ITEM_KEY, RtsBatch.ItemKey.class);
        return "program=" + settings.rtsProgram() + "&programStage=" + settings.rtsStage() + "&orgUnit=" + key.orgUnit()
                + "&trackedEntity=" + batch.trackedEntityOf(key)
                + "&order=" + enc("occurredAt:desc,createdAt:desc") + "&page=1&pageSize=50"
                + "&fields=" + enc("event,occurredAt,dataValues[dataElement,value]");
    }

    public void historyFound(Exchange exchange) throws IOException {
        RtsBatch batch = exchange.getProperty(RtsBatch.PROPERTY, RtsBatch.class);
        RtsBatch.ItemKey key = exchange.getProperty(ITEM_KEY, RtsBatch.ItemKey.class);
        batch.historyFound(key, JSON.readTree(exchange.getMessage().getBody(String.class)));
    }

    /** The tracker payload; sets {@value #HAS_PAYLOAD}. */
    public String payload(Exchange exchange) {
        RtsBatch batch = exchange.getProperty(RtsBatch.PROPERTY, RtsBatch.class);
        String payload = batch.payload();
        exchange.setProperty(HAS_PAYLOAD, !payload.isEmpty());
        ConsignmentRun run = exchange.getProperty(ConsignmentRun.PROPERTY, ConsignmentRun.class);
        if (run != null) {
            // lines whose item could not be looked up (dead-lettered): still PENDING, sent by a later run
            run.count("rtsWaiting", batch.size() - batch.sent().size());
        }
        return payload;
    }

    /** Object-level import, committed only by a production instance (any other validates: importMode=VALIDATE). */
    public String postQuery() {
        return "async=false&atomicMode=OBJECT&importStrategy=CREATE_AND_UPDATE&importMode="
                + (settings.production() ? "COMMIT" : "VALIDATE");
    }

    /** Reads the import report (200, or 409 when every object failed) object by object. */
    public void readReport(Exchange exchange) throws IOException {
        RtsBatch batch = exchange.getProperty(RtsBatch.PROPERTY, RtsBatch.class);
        ConsignmentRun run = exchange.getProperty(ConsignmentRun.PROPERTY, ConsignmentRun.class);
        JsonNode report = JSON.readTree(exchange.getMessage().getBody(String.class));
        Map<String, List<String>> errors = RtsBatch.errorsByUid(report);
        boolean wholeBatchFailed = errors.isEmpty() && "ERROR".equals(report.path("status").asText());
        Instant now = Instant.now();
        for (RtsBatch.Sent s : batch.sent()) {
            List<String> reasons = new ArrayList<>();
            s.uids().forEach(uid -> reasons.addAll(errors.getOrDefault(uid, List.of())));
            if (wholeBatchFailed) {
                reasons.add("DHIS2 answered ERROR: " + report.path("message").asText(report.toString()));
            }
            if (reasons.isEmpty()) {
                Map<String, Object> p = Map.of("lineId", s.line().lineId(),
                        "status", settings.production() ? "POSTED" : "DRY_RUN",
                        "previousBalance", s.previousBalance(), "stockOnHand", s.stockOnHand(), "now", now);
                posted.update(dataSource, p);
                count(run, "rtsPosted");
            } else {
                lineFailed(s, String.join("; ", reasons), run, now);
            }
        }
    }

    private void lineFailed(RtsBatch.Sent s, String reason, ConsignmentRun run, Instant now) {
        String r = reason.length() > 4000 ? reason.substring(0, 4000) : reason;
        failed.update(dataSource, Map.of("lineId", s.line().lineId(), "reason", r, "maxAttempts", settings.maxAttempts()));
        Map<String, Object> row = status.query(dataSource, Map.of("lineId", s.line().lineId())).get(0);
        int attempts = ((Number) row.get("attempts")).intValue();
        if ("DEAD".equals(row.get("status"))) {
            Map<String, Object> p = new HashMap<>();
            p.put("routeId", "rts-post-tracker");
            p.put("endpointUri", "direct:rts-retry-line");
            p.put("reason", "RTS stock receipt of shipment line " + s.line().lineId() + " rejected " + attempts
                    + " times: " + r);
            p.put("exceptionClass", null);
            p.put("httpStatus", null);
            p.put("body", s.json());
            p.put("headers", "{\"rtsLineId\":" + s.line().lineId() + "}");
            p.put("attempts", attempts);
            p.put("now", now);
            deadLetter.update(dataSource, p);
            LOG.error("RTS stock receipt of shipment line {} given up after {} attempts: {}", s.line().lineId(), attempts, r);
            count(run, "rtsDead");
        } else {
            LOG.warn("RTS stock receipt of shipment line {} rejected (attempt {}): {}", s.line().lineId(), attempts, r);
            count(run, "rtsFailed");
        }
    }

    /** A dead stock receipt sent again by an operator (dead-letter replay): pending, with its attempts reset. */
    public void reopen(long lineId) {
        reopen.update(dataSource, Map.of("lineId", lineId));
    }

    private static void count(ConsignmentRun run, String what) {
        if (run != null) {
            run.count(what, 1);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
