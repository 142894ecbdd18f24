package org.lmisbridge.consignments;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmisbridge.demo.DemoMetadata;
import org.lmisbridge.demo.DemoSize;
import org.lmisbridge.demo.DemoUids;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.sandbox.Fault;
import org.lmisbridge.sandbox.TrackerEvent;
import org.lmisbridge.sandbox.TrackedEntity;
import org.lmisbridge.testsupport.BridgeHarness;

/**
 * Consignment acknowledgement (F3) end to end: the real bridge, its LMIS tables (shipments created here) and the
 * sandbox seeded with the demo metadata (receipt program, RTS program). Receipts are added to the sandbox as a
 * facility would complete them; runs are started with the manual pull endpoint or as a scheduled run would be.
 */
class ConsignmentAcknowledgementTest {

    static final String RECEIPT_PROGRAM = DemoUids.uid("program", "LMIS_RECEIPT");
    static final String RECEIPT_STAGE = DemoUids.uid("programStage", "LMIS_RECEIPT");
    static final String CONSIGNMENT_DE = DemoUids.uid("dataElement", "CONSIGNMENT_NUMBER");
    static final String ITEM_DE = DemoMetadata.ITEM_CODE_DE;
    static final String QUANTITY_DE = DemoUids.uid("dataElement", "RECEIVED_QTY");
    static final String RTS_PROGRAM = DemoUids.uid("program", "RTS");
    static final String RTS_STAGE = DemoUids.uid("programStage", "RTS_STOCK_ON_HAND");
    static final String ITEM_TYPE = DemoUids.uid("trackedEntityType", "ITEM");
    static final String ITEM_CODE_ATTRIBUTE = DemoUids.uid("trackedEntityAttribute", "ITEM_CODE");
    static final String RECEIPT = DemoUids.uid("dataElement", "RTS_STOCK_RECEIPT");
    static final String PREVIOUS = DemoUids.uid("dataElement", "RTS_PREVIOUS_STOCK_BALANCE");
    static final String SOH = DemoUids.uid("dataElement", "RTS_STOCK_ON_HAND");
    static final String FAC_1 = DemoUids.uid("ou", "FAC_001");
    static final String FAC_2 = DemoUids.uid("ou", "FAC_002");
    static final String FAC_3 = DemoUids.uid("ou", "FAC_003");
    static final String FAC_4 = DemoUids.uid("ou", "FAC_004");
    static final String FAC_5 = DemoUids.uid("ou", "FAC_005");
    static final String DIST_A = DemoUids.uid("ou", "DIST_A");

    private static Dhis2Sandbox sandbox;
    private static BridgeHarness bridge;

    @BeforeAll
    static void start() {
        byte[] metadata = DemoMetadata.exportJson(DemoSize.DEFAULT).getBytes(StandardCharsets.UTF_8);
        sandbox = Dhis2Sandbox.builder().port(0).metadata(new ByteArrayInputStream(metadata)).build().start();
        bridge = BridgeHarness.builder().dhis2(sandbox.baseUrl(), "admin", "district")
                .property("bridge.production", "true")
                .property("consignments.schedule-enabled", "false")
                .property("consignments.page-size", "2")
                .property("consignments.max-attempts", "2")
                .property("bridge.retry.max-redeliveries", "2")
                .start();
        sql("INSERT INTO store (id, code, name, is_central, org_unit_uid) VALUES (1, 'NAT', 'Central store', TRUE, '"
                + DemoUids.uid("ou", "NAT") + "')");
        String[][] stores = {{"2", "DIST_A", DIST_A}, {"3", "FAC_001", FAC_1}, {"4", "FAC_002", FAC_2},
            {"5", "FAC_003", FAC_3}, {"6", "FAC_004", FAC_4}, {"7", "FAC_005", FAC_5}};
        for (String[] s : stores) {
            sql("INSERT INTO store (id, code, name, supplying_store_id, org_unit_uid) VALUES (" + s[0] + ", '" + s[1]
                    + "', 'Store " + s[1] + "', 1, '" + s[2] + "')");
        }
        String[][] items = {{"1", "AMOX250", "Amoxicillin 250mg"}, {"2", "PARA500", "Paracetamol 500mg"},
            {"3", "ORS", "Oral rehydration salts"}};
        for (String[] i : items) {
            sql("INSERT INTO item (id, code, name, unit) VALUES (" + i[0] + ", '" + i[1] + "', '" + i[2] + "', 'tab')");
        }
    }

    @AfterAll
    static void stop() {
        bridge.close();
        sandbox.stop();
    }

    @BeforeEach
    void clean() {
        sandbox.faults().clear();
    }

    @Test
    void thePackingListQrCodeReadsBackAsTheConsignmentNumber(@TempDir Path dir) throws Exception {
        shipment(100, "CN-2026-000123/A", 3, new long[][] {{1, 120}, {2, 60}});

        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                bridgeUrl("/api/shipments/CN-2026-000123%2FA/packing-list.png"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(decodeQr(answer.body())).isEqualTo("CN-2026-000123/A");

        Path file = dir.resolve("packing-list.png");
        PackingLists lists = bridge.context().getRegistry().lookupByNameAndType("packingLists", PackingLists.class);
        assertThat(lists.write("CN-2026-000123/A", file)).isTrue();
        assertThat(decodeQr(Files.readAllBytes(file))).isEqualTo("CN-2026-000123/A");
        assertThat(bridge.server("GET", "/api/shipments/NO-SUCH/packing-list.png", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aReceiptClosesItsShipmentAndPostsStockOnHandOnceWhateverTheReruns() {
        long[] lines = shipment(200, "CN-200", 3, new long[][] {{1, 100}, {2, 50}});
        // PARA500 already has RTS history at the facility: stock on hand 30
        postToSandbox("{\"trackedEntities\":[{\"trackedEntity\":\"TeParaFac01\",\"trackedEntityType\":\"" + ITEM_TYPE
                + "\",\"orgUnit\":\"" + FAC_1 + "\",\"attributes\":[{\"attribute\":\"" + ITEM_CODE_ATTRIBUTE
                + "\",\"value\":\"PARA500\"}]}],\"enrollments\":[{\"enrollment\":\"EnParaFac01\",\"trackedEntity\":"
                + "\"TeParaFac01\",\"program\":\"" + RTS_PROGRAM + "\",\"orgUnit\":\"" + FAC_1 + "\",\"enrolledAt\":"
                + "\"2026-01-01\",\"occurredAt\":\"2026-01-01\"}],\"events\":[{\"event\":\"EvParaFac01\",\"program\":\""
                + RTS_PROGRAM + "\",\"programStage\":\"" + RTS_STAGE + "\",\"enrollment\":\"EnParaFac01\","
                + "\"trackedEntity\":\"TeParaFac01\",\"orgUnit\":\"" + FAC_1 + "\",\"occurredAt\":\"2026-11-01\","
                + "\"status\":\"COMPLETED\",\"dataValues\":[{\"dataElement\":\"" + SOH + "\",\"value\":\"30\"}]}]}");
        String receipt = sandbox.addEvent(TrackerEvent.of(RECEIPT_PROGRAM, RECEIPT_STAGE, FAC_1, "COMPLETED",
                "2026-11-20T10:00:00", Map.of(CONSIGNMENT_DE, "CN-200", ITEM_DE, "AMOX250", QUANTITY_DE, "95")));

        Map<String, Object> run = pull();

        assertThat(run).containsEntry("status", "SUCCESS");
        Map<String, Object> shipment = bridge.query("SELECT * FROM shipment WHERE id = 200").get(0);
        assertThat(shipment).containsEntry("status", "RECEIVED").containsEntry("received_by_org_unit", FAC_1);
        assertThat(shipment.get("received_at").toString()).startsWith("2026-11-20");
        assertThat(line(lines[0])).containsEntry("quantity_received", 95L).containsEntry("discrepancy", -5L);
        assertThat(line(lines[1])).containsEntry("quantity_received", 50L).containsEntry("discrepancy", 0L);
        assertThat(bridge.query("SELECT * FROM consignment_receipt WHERE shipment_id = 200").get(0))
                .containsEntry("event_uid", receipt);

        TrackerEvent amox = rtsEvent(RtsUids.event("CN-200", lines[0]));
        assertThat(amox.value(RECEIPT)).isEqualTo("95");
        assertThat(amox.value(PREVIOUS)).isEqualTo("0");
        assertThat(amox.value(SOH)).isEqualTo("95");
        TrackedEntity item = sandbox.events().trackedEntity(amox.trackedEntity());
        assertThat(item.orgUnit()).isEqualTo(FAC_1);
        assertThat(item.attributes()).containsEntry(ITEM_CODE_ATTRIBUTE, "AMOX250");
        TrackerEvent para = rtsEvent(RtsUids.event("CN-200", lines[1]));
        assertThat(para.trackedEntity()).isEqualTo("TeParaFac01");
        assertThat(para.value(PREVIOUS)).isEqualTo("30");
        assertThat(para.value(SOH)).isEqualTo("80");

        int events = rtsEvents(FAC_1).size();
        Object lastRun = run.get("run");
        pull();
        scheduledRun();
        scheduledRun();

        assertThat(rtsEvents(FAC_1)).hasSize(events);
        assertThat(rtsEvent(RtsUids.event("CN-200", lines[1])).value(SOH)).isEqualTo("80");
        assertThat(bridge.query("SELECT * FROM rejected_input WHERE source_ref = '" + receipt + "'")).isEmpty();
        assertThat(bridge.query("SELECT status FROM rts_transaction WHERE shipment_id = 200"))
                .extracting(r -> r.get("status")).containsOnly("POSTED");
        assertThat(bridge.query("SELECT value FROM watermark WHERE name = 'consignment-receipts'")).hasSize(1);
        assertThat(bridge.query("SELECT * FROM flow_run WHERE flow = 'consignment-acknowledgement' AND trigger = 'SCHEDULE'"
                + " AND id > " + lastRun)).hasSize(2).allSatisfy(r -> assertThat(r).containsEntry("status", "SUCCESS"));
    }

    @Test
    void aPostWhoseAnswerWasLostIsRetriedWithoutAddingStockTwice() {
        long[] lines = shipment(300, "CN-300", 4, new long[][] {{3, 40}});
        sandbox.addEvent(TrackerEvent.of(RECEIPT_PROGRAM, RECEIPT_STAGE, FAC_2, "COMPLETED", "2026-11-21",
                Map.of(CONSIGNMENT_DE, "CN-300")));
        // DHIS2 stores the payload, but the answer is cut off: the bridge must post again
        sandbox.faults().script("POST", "/api/tracker", Fault.truncated());
        int posts = sandbox.journal().entries("POST", "/api/tracker").size();

        assertThat(pull()).containsEntry("status", "SUCCESS");

        assertThat(sandbox.journal().entries("POST", "/api/tracker").size() - posts).isEqualTo(2);
        assertThat(rtsEvents(FAC_2)).hasSize(1);
        TrackerEvent ors = rtsEvent(RtsUids.event("CN-300", lines[0]));
        assertThat(ors.value(PREVIOUS)).isEqualTo("0");
        assertThat(ors.value(SOH)).isEqualTo("40");
        assertThat(line(lines[0])).containsEntry("quantity_received", 40L).containsEntry("discrepancy", 0L);
        assertThat(sandbox.events().trackedEntities().stream()
                .filter(te -> te.orgUnit().equals(FAC_2) && "ORS".equals(te.attributes().get(ITEM_CODE_ATTRIBUTE))))
                .hasSize(1);
    }

    @Test
    void badReceiptsAreSetAsideWithTheirReasonsOnce() {
        shipment(400, "CN-400", 5, new long[][] {{1, 10}});
        shipment(401, "CN-401", 5, new long[][] {{2, 10}});
        String unknown = sandbox.addEvent(TrackerEvent.of(RECEIPT_PROGRAM, RECEIPT_STAGE, FAC_3, "COMPLETED",
                "2026-11-21", Map.of(CONSIGNMENT_DE, "CN-NOPE")));
        String elsewhere = sandbox.addEvent(TrackerEvent.of(RECEIPT_PROGRAM, RECEIPT_STAGE, FAC_2, "COMPLETED",
                "2026-11-21", Map.of(CONSIGNMENT_DE, "CN-400")));
        String first = sandbox.addEvent(TrackerEvent.of(RECEIPT_PROGRAM, RECEIPT_STAGE, FAC_3, "COMPLETED",
                "2026-11-21", Map.of(CONSIGNMENT_DE, "CN-401")));
        String second = sandbox.addEvent(TrackerEvent.of(RECEIPT_PROGRAM, RECEIPT_STAGE, FAC_3, "COMPLETED",
                "2026-11-22", Map.of(CONSIGNMENT_DE, "CN-401", ITEM_DE, "PARA500", QUANTITY_DE, "3")));

        pull();
        pull();
        HttpResponse<String> badRange = bridge.server("POST", "/api/consignments/pull", "{\"from\":\"last week\"}");

        assertThat(badRange.statusCode()).isEqualTo(400);
        assertThat(badRange.body()).contains("'from' is not a date");
        assertThat(sandbox.journal().entries("GET", "/api/tracker/events"))
                .anyMatch(e -> e.query().contains("page=2") && e.query().contains("order=updatedAt%3Aasc"));
        assertThat(reason(unknown)).isEqualTo("unknown consignment number CN-NOPE");
        assertThat(reason(elsewhere)).contains("shipped to store FAC_003").contains("not to the receiving org unit " + FAC_2);
        assertThat(reason(second)).contains("CN-401 was already received").contains("second receipt");
        assertThat(bridge.query("SELECT * FROM rejected_input WHERE source_ref = '" + first + "'")).isEmpty();
        assertThat(bridge.query("SELECT status FROM shipment WHERE id = 400").get(0)).containsEntry("status", "SHIPPED");
        assertThat(bridge.query("SELECT quantity_received FROM shipment_line WHERE shipment_id = 401").get(0))
                .containsEntry("quantity_received", 10L);
    }

    @Test
    void aTrackerErrorOnOneLineLeavesTheOthersPostedAndIsGivenUpAfterTheAttemptLimit() {
        long[] good = shipment(500, "CN-500", 6, new long[][] {{1, 7}, {2, 8}});
        // DIST_A's org unit is not assigned to the RTS program: DHIS2 rejects its enrollment and event (E1041, E1029)
        long[] bad = shipment(501, "CN-501", 2, new long[][] {{3, 9}});
        sandbox.addEvent(TrackerEvent.of(RECEIPT_PROGRAM, RECEIPT_STAGE, FAC_4, "COMPLETED", "2026-11-21",
                Map.of(CONSIGNMENT_DE, "CN-500")));
        sandbox.addEvent(TrackerEvent.of(RECEIPT_PROGRAM, RECEIPT_STAGE, DIST_A, "COMPLETED", "2026-11-21",
                Map.of(CONSIGNMENT_DE, "CN-501")));

        Map<String, Object> run = pull();

        assertThat(run).containsEntry("status", "SUCCESS");
        assertThat(sandbox.journal().entries("POST", "/api/tracker").get(sandbox.journal()
                .entries("POST", "/api/tracker").size() - 1).query()).contains("atomicMode=OBJECT");
        assertThat(rtsEvent(RtsUids.event("CN-500", good[0])).value(SOH)).isEqualTo("7");
        assertThat(rtsEvent(RtsUids.event("CN-500", good[1])).value(SOH)).isEqualTo("8");
        assertThat(sandbox.events().event(RtsUids.event("CN-501", bad[0]))).isNull();
        Map<String, Object> failed = rts(bad[0]);
        assertThat(failed).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat(failed.get("last_error").toString()).contains("E1029");
        assertThat(rts(good[0])).containsEntry("status", "POSTED");

        pull();

        assertThat(rts(bad[0])).containsEntry("status", "DEAD").containsEntry("attempts", 2);
        List<Map<String, Object>> dead = bridge.query(
                "SELECT * FROM dead_letter WHERE route_id = 'rts-post-tracker' AND headers LIKE '%" + bad[0] + "%'");
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).get("reason").toString()).contains("E1029");
        assertThat(rtsEvents(FAC_4)).hasSize(2);

        // an operator replays the dead letter: the line is pending again and tried at once (rejected again here)
        Object deadId = dead.get(0).get("id");
        bridge.server("POST", "/api/dead-letters/replay", "{\"ids\":[" + deadId + "]}");
        BridgeHarness.await("dead letter replayed", Duration.ofSeconds(10), () -> "REPLAYED".equals(
                bridge.query("SELECT status FROM dead_letter WHERE id = " + deadId).get(0).get("status")));
        assertThat(rts(bad[0])).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        pull();
        assertThat(rts(bad[0])).containsEntry("status", "DEAD");
    }

    @Test
    void serverErrorsAreRedeliveredAndAnItemLookupGivenUpFailsTheRunAndWaitsForTheNextRun() {
        long[] lines = shipment(600, "CN-600", 7, new long[][] {{2, 12}});
        sandbox.addEvent(TrackerEvent.of(RECEIPT_PROGRAM, RECEIPT_STAGE, FAC_5, "COMPLETED", "2026-11-21",
                Map.of(CONSIGNMENT_DE, "CN-600")));
        // the receipt page succeeds on its redelivery; the item lookup fails on every attempt (1 + 2 redeliveries)
        sandbox.faults().script("GET", "/api/tracker/events", Fault.status(503));
        sandbox.faults().script("GET", "/api/tracker/trackedEntities", Fault.status(503), Fault.reset(), Fault.status(502));
        int deadLetters = bridge.query("SELECT id FROM dead_letter WHERE route_id = 'rts-find-item'").size();
        List<Map<String, Object>> watermark = watermark();

        Map<String, Object> run = scheduledRun();

        assertThat(run).containsEntry("status", "FAILED").containsEntry("applied", 1).containsEntry("rtsWaiting", 1);
        assertThat(run.get("error").toString()).contains("item PARA500 at " + FAC_5).contains("HTTP 502")
                .contains("/api/tracker/trackedEntities");
        assertThat(flowRun(run)).containsEntry("status", "FAILED").containsEntry("error", run.get("error"));
        assertThat(watermark()).isEqualTo(watermark);
        assertThat(bridge.query("SELECT status FROM shipment WHERE id = 600").get(0)).containsEntry("status", "RECEIVED");
        assertThat(rts(lines[0])).containsEntry("status", "PENDING").containsEntry("attempts", 0);
        assertThat(bridge.query("SELECT id FROM dead_letter WHERE route_id = 'rts-find-item'")).hasSize(deadLetters + 1);
        assertThat(rtsEvents(FAC_5)).isEmpty();

        sandbox.faults().script("GET", "/api/tracker/trackedEntities", Fault.status(503), Fault.status(503),
                Fault.status(503));
        HttpResponse<String> failedPull = bridge.server("POST", "/api/consignments/pull", "{\"from\":\"2000-01-01\"}");

        assertThat(failedPull.statusCode()).isEqualTo(502);
        assertThat(json(failedPull.body())).containsEntry("status", "FAILED").containsEntry("rtsWaiting", 1);

        // a replay of the lookup's dead letter that fails again leaves it NEW, with one attempt more
        Map<String, Object> dead = bridge.query("SELECT id, attempts FROM dead_letter WHERE route_id = 'rts-find-item'"
                + " ORDER BY id DESC").get(0);
        sandbox.faults().script("GET", "/api/tracker/trackedEntities", Fault.status(503), Fault.status(503),
                Fault.status(503));
        bridge.server("POST", "/api/dead-letters/replay", "{\"ids\":[" + dead.get("id") + "]}");
        BridgeHarness.await("dead letter replay over", Duration.ofSeconds(10), () -> {
            Map<String, Object> row = bridge.query("SELECT status, attempts FROM dead_letter WHERE id = " + dead.get("id")).get(0);
            return !"REPLAY".equals(row.get("status")) && !row.get("attempts").equals(dead.get("attempts"))
                    && bridge.context().getInflightRepository().size("dead-letter-replay") == 0;
        });
        assertThat(bridge.query("SELECT status FROM dead_letter WHERE id = " + dead.get("id")).get(0))
                .containsEntry("status", "NEW");

        assertThat(pull()).containsEntry("status", "SUCCESS");
        assertThat(rts(lines[0])).containsEntry("status", "POSTED");
        assertThat(rtsEvent(RtsUids.event("CN-600", lines[0])).value(SOH)).isEqualTo("12");
    }

    @Test
    void aReceiptPageGivenUpEndsTheRunFailedAnswersItsSummaryWithA502AndLeavesTheWatermark() {
        shipment(700, "CN-700", 3, new long[][] {{3, 5}});
        sandbox.addEvent(TrackerEvent.of(RECEIPT_PROGRAM, RECEIPT_STAGE, FAC_1, "COMPLETED", "2026-11-22",
                Map.of(CONSIGNMENT_DE, "CN-700")));
        List<Map<String, Object>> watermark = watermark();
        int deadLetters = bridge.query("SELECT id FROM dead_letter WHERE route_id = 'consignment-receipt-page'").size();
        // every attempt of the first page: the first one and bridge.retry.max-redeliveries=2 redeliveries
        sandbox.faults().script("GET", "/api/tracker/events", Fault.status(503), Fault.status(503), Fault.status(503));

        HttpResponse<String> answer = bridge.server("POST", "/api/consignments/pull", "{\"from\":\"2000-01-01\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(502);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        Map<String, Object> run = json(answer.body());
        assertThat(run).containsEntry("status", "FAILED").containsEntry("fetched", 0).containsEntry("applied", 0);
        assertThat(run.get("error").toString()).contains("receipt page 1").contains("HTTP 503").contains("/api/tracker/events");
        Map<String, Object> row = flowRun(run);
        assertThat(row).containsEntry("status", "FAILED").containsEntry("trigger", "MANUAL")
                .containsEntry("error", run.get("error"));
        assertThat(row.get("finished_at")).isNotNull();
        List<Map<String, Object>> dead = bridge.query("SELECT * FROM dead_letter WHERE route_id = 'consignment-receipt-page'"
                + " ORDER BY id");
        assertThat(dead).hasSize(deadLetters + 1);
        assertThat(dead.get(dead.size() - 1)).containsEntry("status", "NEW").containsEntry("http_status", 503)
                .containsEntry("endpoint_uri", "direct:consignment-acknowledgement");
        assertThat(bridge.query("SELECT status FROM shipment WHERE id = 700").get(0)).containsEntry("status", "SHIPPED");

        // a scheduled run (and the console, which calls the same route) gets the FAILED summary; the watermark stays
        sandbox.faults().script("GET", "/api/tracker/events", Fault.status(503), Fault.status(503), Fault.status(503));
        Map<String, Object> scheduled = scheduledRun();

        assertThat(scheduled).containsEntry("status", "FAILED");
        assertThat(flowRun(scheduled)).containsEntry("status", "FAILED").containsEntry("trigger", "SCHEDULE");
        assertThat(watermark()).isEqualTo(watermark);
        assertThat(bridge.query("SELECT * FROM flow_run WHERE flow = 'consignment-acknowledgement' AND status = 'RUNNING'"))
                .isEmpty();

        // replaying the dead letter is a new run, which applies the receipt now that DHIS2 answers
        Object deadId = dead.get(dead.size() - 1).get("id");
        bridge.server("POST", "/api/dead-letters/replay", "{\"ids\":[" + deadId + "]}");
        BridgeHarness.await("dead letter replayed", Duration.ofSeconds(10), () -> "REPLAYED".equals(
                bridge.query("SELECT status FROM dead_letter WHERE id = " + deadId).get(0).get("status")));
        assertThat(bridge.query("SELECT status FROM flow_run WHERE flow = 'consignment-acknowledgement' AND trigger = 'REPLAY'"
                + " AND id > " + scheduled.get("run"))).singleElement().satisfies(r -> assertThat(r).containsEntry("status", "SUCCESS"));
        assertThat(bridge.query("SELECT status FROM shipment WHERE id = 700").get(0)).containsEntry("status", "RECEIVED");
    }

    @Test
    void aStockPostGivenUpFailsTheRunAndItsLinesStayPendingForTheNextRun() {
        long[] lines = shipment(800, "CN-800", 4, new long[][] {{1, 6}});
        sandbox.addEvent(TrackerEvent.of(RECEIPT_PROGRAM, RECEIPT_STAGE, FAC_2, "COMPLETED", "2026-11-22",
                Map.of(CONSIGNMENT_DE, "CN-800")));
        int deadLetters = bridge.query("SELECT id FROM dead_letter WHERE route_id = 'rts-post-tracker'").size();
        sandbox.faults().script("POST", "/api/tracker", Fault.status(503), Fault.status(503), Fault.status(503));

        HttpResponse<String> answer = bridge.server("POST", "/api/consignments/pull", "{\"from\":\"2000-01-01\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(502);
        Map<String, Object> run = json(answer.body());
        assertThat(run).containsEntry("status", "FAILED").containsEntry("rtsPosted", 0);
        assertThat(run.get("error").toString()).contains("RTS stock receipts").contains("HTTP 503");
        assertThat(flowRun(run)).containsEntry("status", "FAILED");
        assertThat(rts(lines[0])).containsEntry("status", "PENDING").containsEntry("attempts", 0);
        assertThat(bridge.query("SELECT id FROM dead_letter WHERE route_id = 'rts-post-tracker'")).hasSize(deadLetters + 1);

        assertThat(pull()).containsEntry("status", "SUCCESS");
        assertThat(rts(lines[0])).containsEntry("status", "POSTED");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static long[] shipment(long id, String consignment, long toStore, long[][] lines) {
        sql("INSERT INTO shipment (id, consignment_number, from_store_id, to_store_id, status, shipped_at) VALUES ("
                + id + ", '" + consignment + "', 1, " + toStore + ", 'SHIPPED', TIMESTAMP '2026-11-15 08:00:00')");
        long[] ids = new long[lines.length];
        for (int i = 0; i < lines.length; i++) {
            ids[i] = id * 10 + i;
            sql("INSERT INTO shipment_line (id, shipment_id, item_id, quantity_sent) VALUES (" + ids[i] + ", " + id
                    + ", " + lines[i][0] + ", " + lines[i][1] + ")");
        }
        return ids;
    }

    private static void sql(String statement) {
        try (var c = bridge.dataSource().getConnection(); var s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> pull() {
        HttpResponse<String> answer = bridge.server("POST", "/api/consignments/pull", "{\"from\":\"2000-01-01\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer.body());
    }

    private static Map<String, Object> json(String body) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = new com.fasterxml.jackson.databind.ObjectMapper().readValue(body, Map.class);
            return map;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    /** A run as the schedule (and the console) starts it; answers what the route answers. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> scheduledRun() {
        Object answer = bridge.producer().requestBodyAndHeader("direct:consignment-acknowledgement", "",
                "consignmentTrigger", "SCHEDULE");
        assertThat(answer).as("the run's answer").isInstanceOf(Map.class);
        return (Map<String, Object>) answer;
    }

    private static Map<String, Object> flowRun(Map<String, Object> answer) {
        assertThat(answer).containsKey("run");
        return bridge.query("SELECT * FROM flow_run WHERE id = " + answer.get("run")).get(0);
    }

    private static List<Map<String, Object>> watermark() {
        return bridge.query("SELECT value FROM watermark WHERE name = 'consignment-receipts'");
    }

    private static Map<String, Object> line(long id) {
        return bridge.query("SELECT quantity_received, discrepancy FROM shipment_line WHERE id = " + id).get(0);
    }

    private static Map<String, Object> rts(long lineId) {
        return bridge.query("SELECT * FROM rts_transaction WHERE shipment_line_id = " + lineId).get(0);
    }

    private static String reason(String eventUid) {
        List<Map<String, Object>> rows = bridge.query("SELECT reason FROM rejected_input WHERE source_ref = '" + eventUid + "'");
        assertThat(rows).as("rejected_input rows of %s", eventUid).hasSize(1);
        return rows.get(0).get("reason").toString();
    }

    private static TrackerEvent rtsEvent(String uid) {
        TrackerEvent e = sandbox.events().event(uid);
        assertThat(e).as("RTS event %s", uid).isNotNull();
        assertThat(e.program()).isEqualTo(RTS_PROGRAM);
        assertThat(e.programStage()).isEqualTo(RTS_STAGE);
        return e;
    }

    private static List<TrackerEvent> rtsEvents(String orgUnit) {
        return sandbox.events().all().stream()
                .filter(e -> RTS_PROGRAM.equals(e.program()) && orgUnit.equals(e.orgUnit())).toList();
    }

    private static String bridgeUrl(String path) {
        URI server = URI.create(bridge.context().resolvePropertyPlaceholders("http://127.0.0.1:{{camel.server.port}}"));
        return server + path;
    }

    private static void postToSandbox(String payload) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                        + "/api/tracker?async=false&atomicMode=ALL"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:district".getBytes()))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String decodeQr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap, Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, true)).getText();
    }
}
