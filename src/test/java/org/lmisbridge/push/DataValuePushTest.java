package org.lmisbridge.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.sandbox.Fault;
import org.lmisbridge.sandbox.JournalEntry;
import org.lmisbridge.testsupport.BridgeHarness;

/**
 * The aggregate push on a production instance against the sandbox: the category-option-combo mapping, per-value
 * answers, redelivery, dead values, a 401, batches by count and bytes, and a restated day.
 */
class DataValuePushTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2026, 10, 5);
    private static Dhis2Sandbox sandbox;
    private static BridgeHarness bridge;
    private static PushFixture lmis;

    @BeforeAll
    static void start() {
        sandbox = Dhis2Sandbox.builder().port(0).user("bridge", "Br1dge-Secret").build().start();
        bridge = BridgeHarness.builder().dhis2(sandbox.baseUrl(), "bridge", "Br1dge-Secret")
                .property("bridge.production", "true")
                .property("bridge.retry.max-redeliveries", "3")
                .property("push.schedule-enabled", "false")
                .property("push.mode", "category-option-combo")
                .property("push.item-reference", "hmis_code")
                .property("push.data-element-id-scheme", "CODE")
                .property("push.org-unit-id-scheme", "CODE")
                .property("push.category-option-combo-id-scheme", "CODE")
                .property("push.attribute-option-combo-id-scheme", "CODE")
                .property("push.data-set", "LMIS_MONTHLY")
                .property("push.max-values-per-batch", "10")
                .property("push.max-batch-bytes", "4096")
                .property("push.type.daily-opening.active", "true")
                .property("push.type.daily-opening.prefix", "SOH_")
                .property("push.type.daily-opening.category-option-combo", "OPENING_BALANCE")
                .property("push.type.daily-received.active", "true")
                .property("push.type.daily-received.prefix", "SOH_")
                .property("push.type.daily-received.category-option-combo", "RECEIVED")
                .property("push.type.daily-closing.active", "true")
                .property("push.type.daily-closing.prefix", "SOH_")
                .property("push.type.daily-closing.category-option-combo", "CLOSING_BALANCE")
                .start();
        lmis = new PushFixture(bridge);
    }

    @AfterAll
    static void stop() {
        bridge.close();
        sandbox.stop();
    }

    @BeforeEach
    void clean() {
        lmis.clear();
        sandbox.faults().clear();
        sandbox.clearJournal();
        sandbox.dataValues().clear();
    }

    private static List<JournalEntry> posts() {
        return sandbox.journal().entries("POST", "/api/dataValueSets");
    }

    private static JsonNode body(JournalEntry e) throws Exception {
        return JSON.readTree(e.body());
    }

    private static Map<String, Long> statuses() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Map<String, Object> r : lmis.outboxRows()) {
            counts.merge((String) r.get("status"), 1L, Long::sum);
        }
        return counts;
    }

    @Test
    void categoryOptionComboModePostsTheExactPayloadAndMarksEveryValuePosted() throws Exception {
        long store = lmis.store("FAC_001", "FAC_001", "OuFacility1");
        long amox = lmis.item("AMOX250", true, "368c74bf", "AMOX", null, null);
        long unflagged = lmis.item("PARA500", false, null, "PARA", null, null);
        long noOrgUnit = lmis.store("STORE_X", null, null);
        lmis.summary(store, amox, DAY, 10, 5, 15);
        lmis.summary(store, unflagged, DAY, 1, 1, 2);
        lmis.summary(noOrgUnit, amox, DAY, 3, 0, 3);

        Map<String, Object> report = lmis.run(DAY.toString(), DAY.toString());

        assertThat(posts()).hasSize(1);
        JournalEntry post = posts().get(0);
        assertThat(post.query()).isEqualTo("dataElementIdScheme=CODE&dataSetIdScheme=CODE&orgUnitIdScheme=CODE"
                + "&categoryOptionComboIdScheme=CODE&attributeOptionComboIdScheme=CODE"
                + "&importStrategy=CREATE_AND_UPDATE&dryRun=false&okStatusCodeRange=200-299,409"
                .replace("&okStatusCodeRange=200-299,409", ""));
        assertThat(post.body()).isEqualTo("{\"dataSet\":\"LMIS_MONTHLY\",\"dataValues\":["
                + "{\"dataElement\":\"SOH_AMOX\",\"period\":\"20261005\",\"orgUnit\":\"FAC_001\","
                + "\"categoryOptionCombo\":\"OPENING_BALANCE\",\"value\":\"10\"},"
                + "{\"dataElement\":\"SOH_AMOX\",\"period\":\"20261005\",\"orgUnit\":\"FAC_001\","
                + "\"categoryOptionCombo\":\"RECEIVED\",\"value\":\"5\"},"
                + "{\"dataElement\":\"SOH_AMOX\",\"period\":\"20261005\",\"orgUnit\":\"FAC_001\","
                + "\"categoryOptionCombo\":\"CLOSING_BALANCE\",\"value\":\"15\"}]}");
        assertThat(sandbox.dataValues().count()).isEqualTo(3);
        assertThat(statuses()).containsExactly(Map.entry("POSTED", 3L));
        assertThat(lmis.outboxRows()).allSatisfy(r -> assertThat(r.get("posted_value")).isEqualTo(r.get("value")));
        assertThat(bridge.query("SELECT kind, ref, reason FROM not_mapped ORDER BY kind")).containsExactly(
                Map.of("kind", "ITEM", "ref", "PARA500", "reason", "include_in_dhis2 is not set"),
                Map.of("kind", "STORE", "ref", "STORE_X", "reason", "no org_unit_code (push.org-unit-id-scheme=CODE)"));
        assertThat(report).containsEntry("sent", 3).containsEntry("posted", 3).containsEntry("notMapped", 2)
                .containsEntry("dryRun", false).containsEntry("status", "SUCCESS");
        Map<String, Object> run = bridge.query("SELECT * FROM flow_run WHERE flow = 'datavalue-push'").get(0);
        assertThat(run.get("status")).isEqualTo("SUCCESS");
        assertThat((String) run.get("summary")).contains("\"posted\":3", "\"notMapped\":2");
    }

    @Test
    void twoRefusedValuesInABatchAreFailedWithTheirCodeAndTheRestPosted() {
        for (int i = 1; i <= 4; i++) {
            lmis.outbox("SOH_AMOX", "202609", "FAC_00" + i, "RECEIVED", String.valueOf(i), null);
        }
        lmis.outbox("SOH_NOPE", "202609", "FAC_001", "", "7", null);
        for (int i = 1; i <= 3; i++) {
            lmis.outbox("SOH_AMOX", "202609", "FAC_00" + i, "CLOSING_BALANCE", String.valueOf(10 + i), null);
        }
        lmis.outbox("SOH_AMOX", "202609", "NO_SUCH_OU", "RECEIVED", "9", null);

        Map<String, Object> report = lmis.run(DAY.toString(), DAY.toString());

        assertThat(posts()).hasSize(1);
        assertThat(posts().get(0).status()).isEqualTo(409);
        List<Map<String, Object>> failed = bridge.query(
                "SELECT data_element, org_unit, error_code, attempts FROM datavalue_outbox WHERE status = 'FAILED' ORDER BY id");
        assertThat(failed).extracting(r -> r.get("data_element") + "/" + r.get("org_unit") + "/" + r.get("error_code")
                + "/" + r.get("attempts")).containsExactly("SOH_NOPE/FAC_001/E7610/1", "SOH_AMOX/NO_SUCH_OU/E7612/1");
        assertThat(statuses()).containsExactly(Map.entry("FAILED", 2L), Map.entry("POSTED", 7L));
        assertThat(sandbox.dataValues().count()).isEqualTo(7);
        assertThat(report).containsEntry("sent", 9).containsEntry("posted", 7).containsEntry("failed", 2);
    }

    @Test
    void serverErrorsAndResetsAreRedeliveredAndEveryValueIsPostedOnce() {
        for (int i = 0; i < 30; i++) {
            lmis.outbox("SOH_AMOX", String.format("2026%02d", 1 + i / 4), "FAC_00" + (1 + i % 4), "RECEIVED",
                    String.valueOf(i), null);
        }
        // three faults spread over three batches: none reaches the four failures that exhaust the redeliveries
        sandbox.faults().script("POST", "/api/dataValueSets", Fault.status(503), Fault.reset(), Fault.tooManyRequests(0));

        Map<String, Object> report = lmis.run(DAY.toString(), DAY.toString());

        assertThat(sandbox.dataValues().count()).isEqualTo(30);
        assertThat(statuses()).containsExactly(Map.entry("POSTED", 30L));
        assertThat(posts().stream().filter(e -> e.status() == 200).count()).isEqualTo(3);
        assertThat(report).containsEntry("sent", 30).containsEntry("posted", 30).containsEntry("failed", 0);
        assertThat(lmis.count("SELECT COUNT(*) FROM dead_letter")).isZero();
    }

    @Test
    void aBatchStillFailingAfterItsRedeliveriesIsCountedAndSentAgainByTheNextRun() {
        for (int i = 1; i <= 4; i++) {
            lmis.outbox("SOH_AMOX", "202607", "FAC_00" + i, "RECEIVED", String.valueOf(i), null);
        }
        sandbox.faults().script("POST", "/api/dataValueSets", Fault.status(503), Fault.status(503), Fault.reset(),
                Fault.status(503));

        Map<String, Object> first = lmis.run(DAY.toString(), DAY.toString());

        assertThat(posts()).hasSize(4);
        assertThat(first).containsEntry("failed", 4).containsEntry("posted", 0);
        assertThat(bridge.query("SELECT DISTINCT status, attempts, error_code FROM datavalue_outbox"))
                .containsExactly(Map.of("status", "FAILED", "attempts", 1, "error_code", "HTTP503"));

        Map<String, Object> second = lmis.run(DAY.toString(), DAY.toString());

        assertThat(second).containsEntry("posted", 4);
        assertThat(sandbox.dataValues().count()).isEqualTo(4);
        assertThat(statuses()).containsExactly(Map.entry("POSTED", 4L));
    }

    @Test
    void theFifthFailureMakesTheValueDeadAndDeadLettersIt() {
        lmis.outbox("SOH_NOPE", "202609", "FAC_001", "", "7", null);
        lmis.outbox("SOH_AMOX", "202609", "FAC_001", "RECEIVED", "8", null);

        for (int run = 1; run <= 4; run++) {
            lmis.run(DAY.toString(), DAY.toString());
            assertThat(bridge.query("SELECT status, attempts FROM datavalue_outbox WHERE data_element = 'SOH_NOPE'"))
                    .containsExactly(Map.of("status", "FAILED", "attempts", run));
        }
        Map<String, Object> fifth = lmis.run(DAY.toString(), DAY.toString());

        assertThat(bridge.query("SELECT status, attempts FROM datavalue_outbox WHERE data_element = 'SOH_NOPE'"))
                .containsExactly(Map.of("status", "DEAD", "attempts", 5));
        assertThat(fifth).containsEntry("dead", 1).containsEntry("failed", 0);
        List<Map<String, Object>> letters = bridge.query("SELECT * FROM dead_letter");
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).get("route_id")).isEqualTo("datavalue-push-batch");
        assertThat((String) letters.get(0).get("reason")).contains("dead after 5 attempts", "E7610");
        assertThat((String) letters.get(0).get("body")).contains("SOH_NOPE");

        int before = posts().size();
        Map<String, Object> sixth = lmis.run(DAY.toString(), DAY.toString());
        assertThat(posts()).hasSize(before);
        assertThat(sixth).containsEntry("sent", 0);
    }

    @Test
    void aRefusedLoginStopsTheRunWithoutSpendingAttempts() {
        for (int i = 1; i <= 4; i++) {
            lmis.outbox("SOH_AMOX", "202608", "FAC_00" + i, "RECEIVED", String.valueOf(i), null);
        }
        sandbox.faults().script("POST", "/api/dataValueSets", Fault.status(401));

        Map<String, Object> report = lmis.run(DAY.toString(), DAY.toString());

        assertThat(report).containsEntry("status", "STOPPED").containsEntry("posted", 0);
        assertThat((String) report.get("error")).contains("401");
        assertThat(posts()).hasSize(1);
        assertThat(bridge.query("SELECT DISTINCT status, attempts FROM datavalue_outbox"))
                .containsExactly(Map.of("status", "PENDING", "attempts", 0));
        Map<String, Object> run = bridge.query("SELECT * FROM flow_run WHERE flow = 'datavalue-push'").get(0);
        assertThat(run.get("status")).isEqualTo("FAILED");
        assertThat((String) run.get("error")).contains("401");

        Map<String, Object> next = lmis.run(DAY.toString(), DAY.toString());
        assertThat(next).containsEntry("posted", 4);
    }

    @Test
    void batchesCloseAtTheValueCountAndAtThePayloadSize() throws Exception {
        for (int i = 0; i < 25; i++) {
            lmis.outbox("SOH_AMOX", String.format("2025%02d", 1 + i / 4), "FAC_00" + (1 + i % 4), "RECEIVED",
                    String.valueOf(i), null);
        }
        lmis.run(DAY.toString(), DAY.toString());
        assertThat(posts()).extracting(e -> sizeOf(e)).containsExactlyInAnyOrder(10, 10, 5);

        sandbox.clearJournal();
        String comment = "c".repeat(1000);
        for (int i = 0; i < 10; i++) {
            lmis.outbox("SOH_AMOX", String.format("2024%02d", 1 + i / 4), "FAC_00" + (1 + i % 4), "RECEIVED",
                    String.valueOf(i), comment);
        }
        lmis.run(DAY.toString(), DAY.toString());
        assertThat(posts()).extracting(e -> sizeOf(e)).containsExactlyInAnyOrder(3, 3, 3, 1);
        assertThat(posts()).allSatisfy(e -> assertThat(e.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(4096));
        assertThat(statuses()).containsExactly(Map.entry("POSTED", 35L));
    }

    private static int sizeOf(JournalEntry e) {
        try {
            return body(e).path("dataValues").size();
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void aRestatedDaySendsOnlyTheValuesThatChanged() throws Exception {
        long fac1 = lmis.store("FAC_001", "FAC_001", "OuFacility1");
        long fac2 = lmis.store("FAC_002", "FAC_002", "OuFacility2");
        long amox = lmis.item("AMOX250", true, "368c74bf", "AMOX", null, null);
        lmis.summary(fac1, amox, DAY, 10, 5, 15);
        lmis.summary(fac2, amox, DAY, 20, 0, 20);
        lmis.run(DAY.toString(), DAY.toString());
        assertThat(statuses()).containsExactly(Map.entry("POSTED", 6L));

        lmis.restate(fac2, amox, DAY, 18);
        sandbox.clearJournal();
        Map<String, Object> report = lmis.run(DAY.toString(), DAY.toString());

        assertThat(posts()).hasSize(1);
        JsonNode values = body(posts().get(0)).path("dataValues");
        assertThat(values).hasSize(1);
        assertThat(values.get(0).path("orgUnit").asText()).isEqualTo("FAC_002");
        assertThat(values.get(0).path("categoryOptionCombo").asText()).isEqualTo("CLOSING_BALANCE");
        assertThat(values.get(0).path("value").asText()).isEqualTo("18");
        assertThat(report).containsEntry("restaged", 1).containsEntry("unchanged", 5).containsEntry("sent", 1);
        assertThat(sandbox.dataValues().find("DeSohAmox01", "20261005", "OuFacility2", "ojEeyVJvzQb"))
                .hasValueSatisfying(v -> assertThat(v.value()).isEqualTo("18"));
    }
}
