package org.lmisbridge.consignments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.lmisbridge.sql.NamedSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receipts: reads a page of COMPLETED receipt events and applies each to its shipment, once. In one transaction the
 * shipment is closed (when, by which org unit), each line gets its received quantity and discrepancy (received -
 * sent), the receipt is recorded and the RTS stock receipts are queued. Set aside in {@code rejected_input}, with
 * the reason: no or unknown consignment number, a receipt from an org unit other than the destination store's, a
 * second receipt of a received shipment, an unusable quantity or item.
 */
public class ConsignmentReceipts {

    private static final Logger LOG = LoggerFactory.getLogger(ConsignmentReceipts.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DHIS2_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final DataSource dataSource;
    private final ConsignmentSettings settings;
    private final NamedSql receiptFind = NamedSql.load("consignment-receipt-find");
    private final NamedSql rejectedFind = NamedSql.load("consignment-rejected-find");
    private final NamedSql rejectedInsert = NamedSql.load("consignment-rejected-insert");
    private final NamedSql shipmentForReceipt = NamedSql.load("consignment-shipment-for-receipt");
    private final NamedSql shipmentLines = NamedSql.load("consignment-shipment-lines");
    private final NamedSql markReceived = NamedSql.load("consignment-shipment-mark-received");
    private final NamedSql lineReceived = NamedSql.load("consignment-line-received");
    private final NamedSql receiptInsert = NamedSql.load("consignment-receipt-insert");
    private final NamedSql rtsInsert = NamedSql.load("rts-transaction-insert");

    public ConsignmentReceipts(DataSource dataSource, ConsignmentSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** The query of the next page: COMPLETED receipts in the run's updatedAt range, oldest update first. */
    public String pageQuery(Exchange exchange) {
        ConsignmentRun run = exchange.getProperty(ConsignmentRun.PROPERTY, ConsignmentRun.class);
        StringBuilder q = new StringBuilder()
                .append("program=").append(settings.receiptProgram())
                .append("&programStage=").append(settings.receiptStage())
                .append("&status=COMPLETED&orgUnitMode=ACCESSIBLE")
                .append("&fields=").append(enc("event,status,orgUnit,occurredAt,completedAt,updatedAt,dataValues[dataElement,value]"))
                .append("&order=").append(enc("updatedAt:asc"))
                .append("&page=").append(run.page)
                .append("&pageSize=").append(settings.pageSize());
        if (run.updatedAfter != null) {
            q.append("&updatedAfter=").append(enc(DHIS2_TIME.format(run.updatedAfter)));
        }
        if (run.updatedBefore != null) {
            q.append("&updatedBefore=").append(enc(DHIS2_TIME.format(run.updatedBefore)));
        }
        return q.toString();
    }

    /** Applies the receipts of one page (the body: DHIS2's answer) and says whether another page follows. */
    public void applyPage(Exchange exchange) throws IOException {
        ConsignmentRun run = exchange.getProperty(ConsignmentRun.PROPERTY, ConsignmentRun.class);
        JsonNode answer = JSON.readTree(exchange.getMessage().getBody(String.class));
        JsonNode events = answer.has("events") ? answer.path("events") : answer.path("instances");
        int n = 0;
        for (JsonNode e : events) {
            n++;
            ReceiptEvent receipt = ReceiptEvent.parse(e, settings);
            run.count(apply(receipt), 1);
            run.seen(receipt.updatedAt());
        }
        run.count("fetched", n);
        run.page++;
        run.morePages = n >= settings.pageSize();
    }

    /** Applies one receipt; answers what became of it: applied, alreadyApplied or rejected. */
    public String apply(ReceiptEvent receipt) {
        if (!receiptFind.query(dataSource, Map.of("eventUid", receipt.uid())).isEmpty()) {
            return "alreadyApplied";
        }
        if (!rejectedFind.query(dataSource, Map.of("flow", ConsignmentRuns.FLOW, "sourceRef", receipt.uid())).isEmpty()) {
            return "alreadySetAside";
        }
        Outcome outcome;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                outcome = applyIn(c, receipt);
                if (outcome == Outcome.APPLIED) {
                    c.commit();
                } else {
                    c.rollback();
                }
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Receipt " + receipt.uid() + " could not be applied: " + e.getMessage(), e);
        }
        if (outcome.reason() != null) {
            Map<String, Object> p = new HashMap<>();
            p.put("flow", ConsignmentRuns.FLOW);
            p.put("sourceRef", receipt.uid());
            p.put("reason", outcome.reason());
            p.put("payload", receipt.json());
            p.put("now", Instant.now());
            rejectedInsert.update(dataSource, p);
            LOG.warn("Receipt {} set aside: {}", receipt.uid(), outcome.reason());
        } else if (outcome == Outcome.APPLIED) {
            LOG.info("Receipt {} closed consignment {}", receipt.uid(), receipt.consignmentNumber());
        }
        return outcome.kind();
    }

    /** What became of a receipt; when set aside, nothing was written. */
    private Outcome applyIn(Connection c, ReceiptEvent r) {
        if (r.consignmentNumber() == null) {
            return Outcome.setAside("no consignment number in the receipt");
        }
        List<Map<String, Object>> found = shipmentForReceipt.query(c, Map.of("consignmentNumber", r.consignmentNumber()));
        if (found.isEmpty()) {
            return Outcome.setAside("unknown consignment number " + r.consignmentNumber());
        }
        if (!receiptFind.query(c, Map.of("eventUid", r.uid())).isEmpty()) {
            return Outcome.ALREADY_APPLIED; // applied by a concurrent run while this one waited for the shipment's lock
        }
        Map<String, Object> shipment = found.get(0);
        long shipmentId = ((Number) shipment.get("id")).longValue();
        String destination = (String) shipment.get("to_org_unit");
        if (destination == null || !destination.equals(r.orgUnit())) {
            return Outcome.setAside("consignment " + r.consignmentNumber() + " was shipped to store "
                    + shipment.get("to_store_code") + " (org unit " + destination + "), not to the receiving org unit "
                    + r.orgUnit());
        }
        if ("RECEIVED".equals(shipment.get("status"))) {
            return Outcome.setAside("consignment " + r.consignmentNumber() + " was already received on "
                    + shipment.get("received_at") + " by org unit " + shipment.get("received_by_org_unit")
                    + "; this is a second receipt");
        }
        if (r.receivedAt() == null) {
            return Outcome.setAside("the receipt has no occurredAt or completedAt date");
        }
        List<ReceivedQuantities.Line> lines = new ArrayList<>();
        Map<Long, String> itemCodes = new HashMap<>();
        for (Map<String, Object> row : shipmentLines.query(c, Map.of("shipmentId", shipmentId))) {
            long id = ((Number) row.get("id")).longValue();
            lines.add(new ReceivedQuantities.Line(id, (String) row.get("item_code"),
                    ((Number) row.get("quantity_sent")).longValue()));
            itemCodes.put(id, (String) row.get("item_code"));
        }
        Map<Long, Long> received;
        try {
            received = ReceivedQuantities.of(lines, r.itemCode(), r.receivedQuantity());
        } catch (IllegalArgumentException e) {
            return Outcome.setAside(e.getMessage());
        }
        Timestamp receivedAt = Timestamp.valueOf(r.receivedAt());
        Instant now = Instant.now();
        if (markReceived.update(c, Map.of("shipmentId", shipmentId, "receivedAt", receivedAt, "orgUnit", r.orgUnit())) != 1) {
            return Outcome.setAside("consignment " + r.consignmentNumber()
                    + " was received meanwhile; this is a second receipt");
        }
        receiptInsert.update(c, Map.of("eventUid", r.uid(), "shipmentId", shipmentId, "orgUnit", r.orgUnit(),
                "receivedAt", receivedAt, "now", now));
        for (ReceivedQuantities.Line line : lines) {
            long q = received.get(line.id());
            lineReceived.update(c, Map.of("lineId", line.id(), "quantityReceived", q, "discrepancy", q - line.sent()));
            if (q > 0) {
                Map<String, Object> p = new HashMap<>();
                p.put("lineId", line.id());
                p.put("shipmentId", shipmentId);
                p.put("orgUnit", r.orgUnit());
                p.put("itemCode", itemCodes.get(line.id()));
                p.put("quantity", q);
                p.put("occurredAt", receivedAt);
                p.put("eventUid", RtsUids.event(r.consignmentNumber(), line.id()));
                p.put("now", now);
                rtsInsert.update(c, p);
            }
        }
        return Outcome.APPLIED;
    }

    /** applied, alreadyApplied, or rejected with the reason. */
    private record Outcome(String kind, String reason) {
        static final Outcome APPLIED = new Outcome("applied", null);
        static final Outcome ALREADY_APPLIED = new Outcome("alreadyApplied", null);

        static Outcome setAside(String reason) {
            return new Outcome("rejected", reason);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
