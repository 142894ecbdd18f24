package org.lmisbridge.requisitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lmisbridge.requisitions.RequisitionTestData.order;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.sandbox.Fault;
import org.lmisbridge.testsupport.BridgeHarness;
import org.lmisbridge.testsupport.TestDatabases;

/**
 * A run that fails half-way (DHIS2 keeps failing on the third page) and a restarted bridge that runs again: every
 * event ends imported exactly once. On PostgreSQL, against a DHIS2 2.40 sandbox (flat paging and "instances").
 */
class RequisitionFetchRestartTest {

    private static final int EVENTS = 23;
    private static final int PAGE = 4;

    private static Dhis2Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Dhis2Sandbox.builder().port(0).version("2.40").build().start();
        Instant base = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 1; i <= EVENTS; i++) {
            sandbox.addEvent(order(String.format("EvRestart%02d", i), i % 2 == 0 ? "OuFacility1" : "OuFacility4",
                    "2026-11-2" + (i % 3), i % 3 == 0 ? "ORS" : "AMOX250", String.valueOf(i), null,
                    i % 5 == 0 ? "ORD-" + i : null, base.plusSeconds(i * 60L)));
        }
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    private static BridgeHarness bridge(String dbUrl) {
        return BridgeHarness.builder().dhis2(sandbox.baseUrl(), "admin", "district")
                .property("bridge.db.url", dbUrl)
                .property("bridge.db.username", "")
                .property("bridge.retry.max-redeliveries", "1")
                .property("requisitions.schedule-enabled", "false")
                .property("requisitions.page-size", String.valueOf(PAGE))
                .start();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetch(BridgeHarness bridge) {
        return bridge.producer().requestBodyAndHeader("direct:requisition-fetch", null, "requisitionTrigger",
                "schedule", Map.class);
    }

    private static long count(BridgeHarness bridge, String sql) {
        return ((Number) bridge.query(sql).get(0).values().iterator().next()).longValue();
    }

    @Test
    void aRunThatFailsOnPageThreeAndARestartEndWithEveryEventImportedOnce() {
        String dbUrl = TestDatabases.postgresUrl();
        long committedBeforeCrash;
        try (BridgeHarness first = bridge(dbUrl)) {
            RequisitionTestData.lmis(first.dataSource());
            sandbox.faults().script("GET", "/api/tracker/events", Fault.ok(), Fault.ok(), Fault.status(503),
                    Fault.status(503));

            Map<String, Object> failed = fetch(first);

            assertThat(failed).containsEntry("status", "FAILED").containsEntry("pages", 2);
            committedBeforeCrash = count(first, "SELECT COUNT(*) FROM requisition_line");
            assertThat(committedBeforeCrash).as("two pages committed (the second starts again at the first one's last event)")
                    .isEqualTo(2 * PAGE - 1);
            assertThat(count(first, "SELECT COUNT(*) FROM watermark")).isEqualTo(1);
            assertThat(first.query("SELECT status, error FROM flow_run")).singleElement()
                    .satisfies(r -> assertThat(r.get("status")).isEqualTo("FAILED"));
            assertThat(first.query("SELECT route_id, http_status FROM dead_letter")).singleElement()
                    .satisfies(r -> assertThat(r.get("route_id")).isEqualTo("requisition-fetch-page"));
        }
        assertThat(sandbox.journal().entries("GET", "/api/tracker/events")).hasSize(4);

        try (BridgeHarness restarted = bridge(dbUrl)) {
            Map<String, Object> resumed = fetch(restarted);

            assertThat(resumed).containsEntry("status", "SUCCESS")
                    .containsEntry("imported", (int) (EVENTS - committedBeforeCrash));
            assertThat(count(restarted, "SELECT COUNT(*) FROM requisition_line")).isEqualTo(EVENTS);
            assertThat(count(restarted, "SELECT COUNT(DISTINCT source_event_uid) FROM requisition_line"))
                    .isEqualTo(EVENTS);
            assertThat(count(restarted, "SELECT COUNT(*) FROM camel_messageprocessed"
                    + " WHERE processorname = 'requisition-fetch' AND messageid NOT LIKE '%@%'")).isEqualTo(EVENTS);
            assertThat(count(restarted, "SELECT SUM(requested_quantity) FROM requisition_line"))
                    .isEqualTo(EVENTS * (EVENTS + 1) / 2);
            assertThat(count(restarted, "SELECT COUNT(*) FROM rejected_input")).isZero();
            assertThat(restarted.query("SELECT status FROM flow_run ORDER BY id"))
                    .extracting(r -> r.get("status")).containsExactly("FAILED", "SUCCESS");

            assertThat(fetch(restarted)).containsEntry("imported", 0);
            assertThat(count(restarted, "SELECT COUNT(*) FROM requisition_line")).isEqualTo(EVENTS);
        }
        assertThat(sandbox.journal().entries("GET", "/api/tracker/events"))
                .allSatisfy(g -> assertThat(g.query()).contains("order=updatedAt%3Aasc"));
    }
}
