package org.lmisbridge.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.sandbox.JournalEntry;
import org.lmisbridge.testsupport.BridgeHarness;

/**
 * The two other mapping modes, each producing exactly the payload DHIS2 expects: a data element per item and type
 * (on a non-production instance, which therefore only dry-runs) and a single data element (monthly indicator of
 * the previous month, with UIDs and round-off).
 */
class MappingModesTest {

    private static Dhis2Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Dhis2Sandbox.builder().port(0).user("bridge", "Br1dge-Secret").build().start();
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    private static BridgeHarness.Builder bridge() {
        return BridgeHarness.builder().dhis2(sandbox.baseUrl(), "bridge", "Br1dge-Secret")
                .property("push.schedule-enabled", "false");
    }

    private static List<JournalEntry> posts() {
        return sandbox.journal().entries("POST", "/api/dataValueSets");
    }

    @Test
    void aDataElementPerItemAndTypeFromItemFieldsOnANonProductionInstanceIsOnlyADryRun() {
        sandbox.clearJournal();
        sandbox.dataValues().clear();
        try (BridgeHarness bridge = bridge()
                .property("push.mode", "data-element-per-item")
                .property("push.data-element-id-scheme", "CODE")
                .property("push.org-unit-id-scheme", "CODE")
                .property("push.type.daily-closing.active", "true")
                .property("push.type.daily-closing.item-field", "custom_field_1")
                .property("push.type.daily-closing.period-format", "YYYYMM")
                .property("push.type.daily-received.active", "true")
                .property("push.type.daily-received.item-field", "custom_field_2")
                .property("push.type.daily-received.interval", "last-day-of-month")
                .property("push.type.daily-received.basis", "current-day")
                .property("push.type.daily-received.period-format", "YYYYMM")
                .start()) {
            PushFixture lmis = new PushFixture(bridge);
            long fac3 = lmis.store("FAC_003", "FAC_003", "OuFacility3");
            long para = lmis.item("PARA500", true, null, null, "SOH_PARA", "NO_SUCH_DE");
            lmis.summary(fac3, para, LocalDate.of(2026, 9, 30), 40, 12, 52);

            Map<String, Object> report = lmis.run("2026-09-30", "2026-09-30");

            assertThat(posts()).hasSize(1);
            assertThat(posts().get(0).query()).endsWith("&dryRun=true");
            assertThat(posts().get(0).body()).isEqualTo("{\"dataValues\":["
                    + "{\"dataElement\":\"NO_SUCH_DE\",\"period\":\"202609\",\"orgUnit\":\"FAC_003\",\"value\":\"12\"},"
                    + "{\"dataElement\":\"SOH_PARA\",\"period\":\"202609\",\"orgUnit\":\"FAC_003\",\"value\":\"52\"}]}");
            assertThat(sandbox.dataValues().count()).isZero();
            assertThat(bridge.query("SELECT data_element, status, attempts, error_code, posted_value FROM datavalue_outbox"
                    + " ORDER BY id")).extracting(r -> r.get("data_element") + "/" + r.get("status") + "/"
                    + r.get("attempts") + "/" + r.get("error_code") + "/" + r.get("posted_value"))
                    .containsExactly("NO_SUCH_DE/DRY_RUN/0/E7610/null", "SOH_PARA/DRY_RUN/0/null/null");
            assertThat(report).containsEntry("dryRun", true).containsEntry("dryRunValues", 2)
                    .containsEntry("posted", 0);

            // asking a non-production instance for a real push changes nothing: still a dry run
            bridge.server("POST", "/api/push/run", "{\"from\":\"2026-09-30\",\"to\":\"2026-09-30\",\"dryRun\":false}");
            assertThat(posts()).allSatisfy(e -> assertThat(e.query()).endsWith("&dryRun=true"));
            assertThat(sandbox.dataValues().count()).isZero();
        }
    }

    @Test
    void aSingleDataElementSendsThePreviousMonthsIndicatorWithUidsAndRoundOff() {
        sandbox.clearJournal();
        sandbox.dataValues().clear();
        try (BridgeHarness bridge = bridge()
                .property("bridge.production", "true")
                .property("push.mode", "single-data-element")
                .property("push.item-reference", "universal_code")
                .property("push.data-set", "DsLmisMnth1")
                .property("push.round-off", "true")
                .property("push.type.average-monthly-consumption.active", "true")
                .property("push.type.average-monthly-consumption.prefix", "DeSoh")
                .start()) {
            PushFixture lmis = new PushFixture(bridge);
            long fac2 = lmis.store("FAC_002", "FAC_002", "OuFacility2");
            long para = lmis.item("PARA500", true, "Para01", "PARA", null, null);
            lmis.indicator(fac2, para, "202610", "AVERAGE_MONTHLY_CONSUMPTION", "41.6");
            lmis.indicator(fac2, para, "202610", "STOCK_ON_HAND", "99");

            // monthly interval: due on the 1st, for the previous month; the 2nd sends nothing
            Map<String, Object> report = lmis.run("2026-11-01", "2026-11-02");

            assertThat(posts()).hasSize(1);
            assertThat(posts().get(0).body()).isEqualTo("{\"dataSet\":\"DsLmisMnth1\",\"dataValues\":["
                    + "{\"dataElement\":\"DeSohPara01\",\"period\":\"202610\",\"orgUnit\":\"OuFacility2\",\"value\":\"42\"}]}");
            assertThat(posts().get(0).query()).startsWith("dataElementIdScheme=UID&dataSetIdScheme=UID&orgUnitIdScheme=UID");
            assertThat(sandbox.dataValues().find("DeSohPara01", "202610", "OuFacility2", null))
                    .hasValueSatisfying(v -> assertThat(v.value()).isEqualTo("42"));
            assertThat(report).containsEntry("posted", 1).containsEntry("staged", 1);
            String answer = bridge.server("POST", "/api/push/run", "{\"from\":\"2026-11-01\"}").body();
            assertThat(answer).contains("\"unchanged\":1", "\"sent\":0", "\"status\":\"SUCCESS\"");
        }
    }

    @Test
    void aDataSetLevelErrorFailsTheWholeBatchWithItsReason() {
        sandbox.clearJournal();
        sandbox.dataValues().clear();
        try (BridgeHarness bridge = bridge()
                .property("bridge.production", "true")
                .property("push.data-set", "NoSuchSet01")
                .start()) {
            PushFixture lmis = new PushFixture(bridge);
            lmis.outbox("DeSohPara01", "202609", "OuFacility1", "", "3", null);
            lmis.outbox("DeSohPara01", "202609", "OuFacility2", "", "4", null);

            Map<String, Object> report = lmis.run("2026-10-05", "2026-10-05");

            assertThat(posts()).hasSize(1);
            assertThat(posts().get(0).status()).isEqualTo(409);
            assertThat(bridge.query("SELECT DISTINCT status, attempts, error_code, last_error FROM datavalue_outbox"))
                    .containsExactly(Map.of("status", "FAILED", "attempts", 1, "error_code", "BATCH",
                            "last_error", "E7600 Data set not found or not accessible: `NoSuchSet01`"));
            assertThat(report).containsEntry("failed", 2).containsEntry("posted", 0);
            assertThat(sandbox.dataValues().count()).isZero();
        }
    }

    @Test
    void anAsynchronousImportIsFollowedToItsSummaryAndReadPerValue() {
        sandbox.clearJournal();
        sandbox.dataValues().clear();
        try (BridgeHarness bridge = bridge()
                .property("bridge.production", "true")
                .property("push.async", "true")
                .property("push.async-poll-ms", "20")
                .start()) {
            PushFixture lmis = new PushFixture(bridge);
            lmis.outbox("DeSohPara01", "202608", "OuFacility1", "", "3", null);
            lmis.outbox("XXUnknown01", "202608", "OuFacility1", "", "4", null);
            lmis.outbox("DeSohPara01", "202608", "OuFacility2", "", "5", null);

            Map<String, Object> report = lmis.run("2026-10-05", "2026-10-05");

            assertThat(posts()).hasSize(1);
            assertThat(posts().get(0).query()).endsWith("&async=true");
            assertThat(sandbox.journal().entries("GET", "/api/system/taskSummaries/DATAVALUE_IMPORT/")).hasSize(1);
            assertThat(bridge.query("SELECT data_element, status, error_code FROM datavalue_outbox ORDER BY id"))
                    .extracting(r -> r.get("data_element") + "/" + r.get("status") + "/" + r.get("error_code"))
                    .containsExactly("DeSohPara01/POSTED/null", "XXUnknown01/FAILED/E7610", "DeSohPara01/POSTED/null");
            assertThat(report).containsEntry("posted", 2).containsEntry("failed", 1);
            assertThat(sandbox.dataValues().count()).isEqualTo(2);
        }
    }
}
