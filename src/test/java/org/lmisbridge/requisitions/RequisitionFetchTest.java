package org.lmisbridge.requisitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lmisbridge.requisitions.RequisitionTestData.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.sandbox.Fault;
import org.lmisbridge.sandbox.JournalEntry;
import org.lmisbridge.sandbox.TrackerEvent;
import org.lmisbridge.testsupport.BridgeHarness;

/**
 * The requisition fetch (routes/requisition-fetch.camel.yaml) on the real bridge against a DHIS2 2.42 sandbox
 * (pager + events answers), pages of 5 events.
 */
class RequisitionFetchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant BASE = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

    private static Dhis2Sandbox sandbox;
    private static BridgeHarness bridge;

    @BeforeAll
    static void start() {
        sandbox = Dhis2Sandbox.builder().port(0).version("2.42").build().start();
        bridge = BridgeHarness.builder().dhis2(sandbox.baseUrl(), "admin", "district")
                .property("requisitions.schedule-enabled", "false")
                .property("requisitions.page-size", "5")
                .start();
        RequisitionTestData.lmis(bridge.dataSource());
    }

    @AfterAll
    static void stop() {
        bridge.close();
        sandbox.stop();
    }

    @BeforeEach
    void clean() {
        sandbox.events().clear();
        sandbox.faults().clear();
        sandbox.clearJournal();
        RequisitionTestData.forgetImports(bridge.dataSource());
    }

    private static Instant at(int seconds) {
        return BASE.plusSeconds(seconds);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetch() {
        return bridge.producer().requestBodyAndHeader("direct:requisition-fetch", null, "requisitionTrigger", "manual",
                Map.class);
    }

    private static long count(String sql) {
        return ((Number) bridge.query(sql).get(0).values().iterator().next()).longValue();
    }

    @Test
    void eventsOverSeveralPagesBecomeOneRequisitionPerFacilityAndOrderWithItsLines() {
        List<String> uids = new ArrayList<>();
        int s = 0;
        for (int i = 1; i <= 6; i++) {       // FAC_001, order ORD-1: six lines
            uids.add(sandbox.addEvent(order(String.format("EvOrdOne%03d", i), "OuFacility1", "2026-11-19",
                    i % 2 == 0 ? "AMOX250" : "PARA500", String.valueOf(10 * i), String.valueOf(i), "ORD-1", at(s++))));
        }
        for (int i = 1; i <= 4; i++) {       // FAC_002, no reference, 20 November
            uids.add(sandbox.addEvent(order(String.format("EvDayTwe%03d", i), "OuFacility2", "2026-11-20", "ORS",
                    "7", null, null, at(s++))));
        }
        for (int i = 1; i <= 3; i++) {       // FAC_002, no reference, 21 November; two share an updatedAt
            uids.add(sandbox.addEvent(order(String.format("EvDayTwo%03d", i), "OuFacility2", "2026-11-21",
                    "AMOX250", "3", null, null, at(i == 3 ? s - 1 : s++))));
        }
        for (int i = 1; i <= 4; i++) {       // FAC_004, order ORD-9, supplied by DIST_B
            uids.add(sandbox.addEvent(order(String.format("EvOrdNin%03d", i), "OuFacility4", "2026-11-21", "ORS",
                    "1", null, "ORD-9", at(s++))));
        }
        // not fetched: an active event and an event of another program
        sandbox.addEvent(TrackerEvent.of(RequisitionTestData.PROGRAM, RequisitionTestData.STAGE, "OuFacility1",
                "ACTIVE", "2026-11-21", Map.of("DeItemCode1", "ORS", "DeOrderQty1", "5")).uid("EvActive001"));

        Map<String, Object> summary = fetch();

        assertThat(summary).containsEntry("status", "SUCCESS").containsEntry("imported", 17)
                .containsEntry("requisitionsCreated", 4).containsEntry("rejected", 0);
        List<Map<String, Object>> requisitions = bridge.query("SELECT c.code AS customer, s.code AS supplier,"
                + " r.order_reference, r.requested_on, r.source, r.status, COUNT(l.id) AS lines,"
                + " SUM(l.requested_quantity) AS quantity FROM requisition r"
                + " JOIN store c ON c.id = r.customer_store_id JOIN store s ON s.id = r.supplying_store_id"
                + " JOIN requisition_line l ON l.requisition_id = r.id"
                + " GROUP BY c.code, s.code, r.order_reference, r.requested_on, r.source, r.status"
                + " ORDER BY c.code, r.requested_on");
        assertThat(requisitions).extracting(r -> r.get("customer") + "/" + r.get("supplier") + "/"
                        + r.get("order_reference") + "/" + r.get("requested_on") + "/" + r.get("lines") + "/"
                        + r.get("quantity") + "/" + r.get("source") + "/" + r.get("status"))
                .containsExactly(
                        "FAC_001/DIST_A/ORD-1/2026-11-19/6/210/DHIS2/NEW",
                        "FAC_002/DIST_A/null/2026-11-20/4/28/DHIS2/NEW",
                        "FAC_002/DIST_A/null/2026-11-21/3/9/DHIS2/NEW",
                        "FAC_004/DIST_B/ORD-9/2026-11-21/4/4/DHIS2/NEW");
        assertThat(bridge.query("SELECT source_event_uid FROM requisition_line ORDER BY source_event_uid"))
                .extracting(r -> r.get("source_event_uid")).containsExactlyInAnyOrderElementsOf(uids);
        assertThat(bridge.query("SELECT l.stock_on_hand_reported FROM requisition_line l"
                + " WHERE l.source_event_uid = 'EvOrdOne004'")).extracting(r -> r.get("stock_on_hand_reported"))
                .containsExactly(4L);

        List<JournalEntry> gets = sandbox.journal().entries("GET", "/api/tracker/events");
        assertThat(gets.size()).as("several pages").isGreaterThanOrEqualTo(4);
        assertThat(gets).allSatisfy(g -> assertThat(g.query()).contains("order=updatedAt%3Aasc")
                .contains("status=COMPLETED").contains("program=PrLmisOrd01").contains("pageSize=5"));
        assertThat(bridge.query("SELECT value FROM watermark WHERE name = 'requisition-fetch'"))
                .extracting(r -> RequisitionWriter.toLocalDateTime(r.get("value")))
                .containsExactly(LocalDateTime.ofInstant(at(s - 1), ZoneOffset.UTC));
        assertThat(bridge.query("SELECT status, trigger, finished_at FROM flow_run"))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("status")).isEqualTo("SUCCESS");
                    assertThat(r.get("finished_at")).isNotNull();
                });
    }

    @Test
    void aSecondRunImportsNothingNewAndOnlyStartsTheOverlapBeforeTheWatermark() throws Exception {
        for (int i = 1; i <= 12; i++) {
            sandbox.addEvent(order(String.format("EvAgain%04d", i), "OuFacility1", "2026-11-20", "AMOX250", "2",
                    null, "ORD-2", at(i)));
        }
        assertThat(fetch()).containsEntry("imported", 12);
        sandbox.clearJournal();

        Map<String, Object> second = fetch();

        assertThat(second).containsEntry("status", "SUCCESS").containsEntry("imported", 0)
                .containsEntry("requisitionsCreated", 0).containsEntry("alreadySeen", 12);
        assertThat(count("SELECT COUNT(*) FROM requisition_line")).isEqualTo(12);
        assertThat(count("SELECT COUNT(*) FROM requisition")).isEqualTo(1);
        String firstQuery = sandbox.journal().entries("GET", "/api/tracker/events").get(0).query();
        String expectedStart = LocalDateTime.ofInstant(at(12), ZoneOffset.UTC).minusMinutes(60).toString();
        assertThat(java.net.URLDecoder.decode(firstQuery, java.nio.charset.StandardCharsets.UTF_8))
                .contains("updatedAfter=" + expectedStart);
        JsonNode summary = JSON.readTree((String) bridge.query(
                "SELECT summary FROM flow_run ORDER BY id DESC").get(0).get("summary"));
        assertThat(summary.get("imported").asInt()).isZero();
        assertThat(summary.get("alreadySeen").asInt()).isEqualTo(12);
    }

    @Test
    void eachKindOfBadEventIsSetAsideWithItsReasonWhileTheOthersGoThrough() throws Exception {
        sandbox.addEvent(order("EvGood00001", "OuFacility1", "2026-11-20", "AMOX250", "10", null, null, at(1)));
        sandbox.addEvent(order("EvNoStore01", "OuFacility5", "2026-11-20", "AMOX250", "10", null, null, at(2)));
        sandbox.addEvent(order("EvNoSupply1", "OuFacility3", "2026-11-20", "AMOX250", "10", null, null, at(3)));
        sandbox.addEvent(order("EvBadItem01", "OuFacility1", "2026-11-20", "XYZ999", "10", null, null, at(4)));
        sandbox.addEvent(order("EvNoQty0001", "OuFacility1", "2026-11-20", "AMOX250", null, null, null, at(5)));
        sandbox.addEvent(order("EvTextQty01", "OuFacility1", "2026-11-20", "AMOX250", "ten", null, null, at(6)));
        sandbox.addEvent(order("EvNegQty001", "OuFacility1", "2026-11-20", "AMOX250", "-4", null, null, at(7)));
        sandbox.addEvent(order("EvGood00002", "OuFacility2", "2026-11-20", "PARA500", "20", null, null, at(8)));

        Map<String, Object> summary = fetch();

        assertThat(summary).containsEntry("status", "SUCCESS").containsEntry("imported", 2)
                .containsEntry("rejected", 6);
        assertThat(bridge.query("SELECT source_event_uid FROM requisition_line"))
                .extracting(r -> r.get("source_event_uid")).containsExactlyInAnyOrder("EvGood00001", "EvGood00002");
        Map<String, String> reasons = new java.util.HashMap<>();
        for (Map<String, Object> r : bridge.query("SELECT flow, source_ref, reason, payload FROM rejected_input")) {
            assertThat(r.get("flow")).isEqualTo("requisition-fetch");
            assertThat((String) r.get("payload")).contains((String) r.get("source_ref"));
            reasons.put((String) r.get("source_ref"), (String) r.get("reason"));
        }
        assertThat(reasons).hasSize(6);
        assertThat(reasons.get("EvNoStore01")).startsWith("unknown org unit:").contains("OuFacility5");
        assertThat(reasons.get("EvNoSupply1")).startsWith("facility without supplying store:").contains("FAC_003");
        assertThat(reasons.get("EvBadItem01")).startsWith("unknown item code:").contains("XYZ999");
        assertThat(reasons.get("EvNoQty0001")).startsWith("missing quantity:");
        assertThat(reasons.get("EvTextQty01")).startsWith("non-numeric quantity:").contains("'ten'");
        assertThat(reasons.get("EvNegQty001")).startsWith("negative quantity:");
        JsonNode runSummary = JSON.readTree((String) bridge.query("SELECT summary FROM flow_run").get(0).get("summary"));
        assertThat(runSummary.get("rejected").asInt()).isEqualTo(6);
        assertThat(runSummary.get("rejectedByReason").get("unknown item code").asInt()).isEqualTo(1);

        assertThat(fetch()).containsEntry("rejected", 0).containsEntry("imported", 0);
        assertThat(count("SELECT COUNT(*) FROM rejected_input")).as("set aside once, not on every refetch")
                .isEqualTo(6);
    }

    @Test
    void anEventChangedInDhis2AfterItsImportIsRecordedForReviewNotApplied() {
        sandbox.addEvent(order("EvChanged01", "OuFacility1", "2026-11-20", "AMOX250", "10", null, null, at(1)));
        sandbox.addEvent(order("EvFixedLat1", "OuFacility1", "2026-11-20", "AMOX250", "-1", null, null, at(2)));
        assertThat(fetch()).containsEntry("imported", 1).containsEntry("rejected", 1);

        sandbox.addEvent(order("EvChanged01", "OuFacility1", "2026-11-20", "AMOX250", "99", null, null, at(3)));
        sandbox.addEvent(order("EvFixedLat1", "OuFacility1", "2026-11-20", "AMOX250", "5", null, null, at(4)));
        Map<String, Object> second = fetch();

        assertThat(second).containsEntry("changedAfterImport", 1).containsEntry("imported", 1);
        assertThat(bridge.query("SELECT requested_quantity FROM requisition_line WHERE source_event_uid = 'EvChanged01'"))
                .extracting(r -> r.get("requested_quantity")).containsExactly(10L);
        assertThat(bridge.query("SELECT reason FROM rejected_input WHERE source_ref = 'EvChanged01'"))
                .singleElement().satisfies(r -> assertThat((String) r.get("reason"))
                        .startsWith("changed after import:").contains("DHIS2-EvChanged01"));
        assertThat(bridge.query("SELECT requested_quantity FROM requisition_line WHERE source_event_uid = 'EvFixedLat1'"))
                .as("an event set aside and then corrected in DHIS2 goes through").extracting(r -> r.get("requested_quantity"))
                .containsExactly(5L);
        assertThat(fetch()).containsEntry("changedAfterImport", 0);
    }

    @Test
    void aManualPullTakesTheOrdersOfADateRangeAndLeavesTheWatermarkAlone() throws Exception {
        sandbox.addEvent(order("EvPull00019", "OuFacility1", "2026-11-19", "AMOX250", "1", null, null, at(1)));
        sandbox.addEvent(order("EvPull00020", "OuFacility1", "2026-11-20", "AMOX250", "2", null, null, at(2)));
        sandbox.addEvent(order("EvPull00021", "OuFacility2", "2026-11-21", "ORS", "3", null, null, at(3)));
        sandbox.addEvent(order("EvPull00022", "OuFacility2", "2026-11-22", "ORS", "4", null, null, at(4)));

        HttpResponse<String> answer = bridge.server("POST", "/api/requisitions/pull",
                "{\"from\":\"2026-11-20\",\"to\":\"2026-11-21\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(body.get("trigger").asText()).isEqualTo("pull");
        assertThat(body.get("imported").asInt()).isEqualTo(2);
        assertThat(bridge.query("SELECT source_event_uid FROM requisition_line"))
                .extracting(r -> r.get("source_event_uid")).containsExactlyInAnyOrder("EvPull00020", "EvPull00021");
        assertThat(count("SELECT COUNT(*) FROM watermark")).isZero();
        assertThat(sandbox.journal().entries("GET", "/api/tracker/events").get(0).query())
                .contains("occurredAfter=2026-11-20").contains("occurredBefore=2026-11-21");

        assertThat(bridge.server("POST", "/api/requisitions/pull", "{\"from\":\"2026-11-21\",\"to\":\"2026-11-20\"}")
                .statusCode()).isEqualTo(400);
        assertThat(bridge.server("POST", "/api/requisitions/pull", "{\"from\":\"yesterday\"}").statusCode())
                .isEqualTo(400);

        Map<String, Object> incremental = fetch();
        assertThat(incremental).containsEntry("imported", 2).containsEntry("alreadySeen", 2);
    }

    @Test
    void aPageThatSucceedsOnItsRedeliveryIsImportedAndTheRunSucceeds() {
        sandbox.addEvent(order("EvRetried01", "OuFacility1", "2026-11-20", "AMOX250", "10", null, null, at(1)));
        sandbox.addEvent(order("EvRetried02", "OuFacility2", "2026-11-20", "ORS", "4", null, null, at(2)));
        long deadLetters = count("SELECT COUNT(*) FROM dead_letter");
        sandbox.faults().script("GET", "/api/tracker/events", Fault.status(503));

        Map<String, Object> summary = fetch();

        assertThat(summary).containsEntry("status", "SUCCESS").containsEntry("imported", 2);
        assertThat(count("SELECT COUNT(*) FROM dead_letter")).isEqualTo(deadLetters);
        assertThat(count("SELECT COUNT(*) FROM watermark")).isOne();
        assertThat(sandbox.journal().entries("GET", "/api/tracker/events")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aPageThatFailsHalfWayCommitsNothingNeitherLinesNorMarksNorWatermark() {
        RequisitionTestData.exec(bridge.dataSource(), "INSERT INTO requisition (requisition_number, supplying_store_id,"
                + " customer_store_id, source, requested_on) SELECT 'DHIS2-EvCollide01', supplying_store_id, id, 'LMIS',"
                + " DATE '2026-01-01' FROM store WHERE code = 'FAC_002'");
        sandbox.addEvent(order("EvAtomic001", "OuFacility1", "2026-11-20", "AMOX250", "10", null, null, at(1)));
        sandbox.addEvent(order("EvCollide01", "OuFacility2", "2026-11-20", "AMOX250", "10", null, null, at(2)));

        Map<String, Object> failed = fetch();

        assertThat(failed).containsEntry("status", "FAILED").containsEntry("imported", 0);
        assertThat(count("SELECT COUNT(*) FROM requisition_line")).isZero();
        assertThat(count("SELECT COUNT(*) FROM camel_messageprocessed")).isZero();
        assertThat(count("SELECT COUNT(*) FROM watermark")).isZero();
        assertThat(count("SELECT COUNT(*) FROM requisition WHERE source = 'DHIS2'")).isZero();
        assertThat(bridge.query("SELECT status, error FROM flow_run")).singleElement()
                .satisfies(r -> assertThat(r.get("status")).isEqualTo("FAILED"));

        RequisitionTestData.exec(bridge.dataSource(), "DELETE FROM requisition WHERE source = 'LMIS'");
        assertThat(fetch()).containsEntry("status", "SUCCESS").containsEntry("imported", 2);
        assertThat(count("SELECT COUNT(*) FROM requisition_line")).isEqualTo(2);
    }
}
