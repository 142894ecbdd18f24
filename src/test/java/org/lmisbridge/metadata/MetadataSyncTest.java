package org.lmisbridge.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lmisbridge.metadata.TestTree.code;
import static org.lmisbridge.metadata.TestTree.district;
import static org.lmisbridge.metadata.TestTree.facility;
import static org.lmisbridge.metadata.TestTree.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.sandbox.Fault;
import org.lmisbridge.sandbox.OrgUnit;
import org.lmisbridge.testsupport.BridgeHarness;

/** F1 against the sandbox: the org-unit replica, the store check and the users, through the real bridge. */
class MetadataSyncTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Dhis2Sandbox sandbox;
    private static BridgeHarness bridge;

    @BeforeAll
    static void start() throws SQLException {
        sandbox = Dhis2Sandbox.builder().port(0).emptyMetadata().extraMetadata(TestTree.metadataJson()).build().start();
        bridge = BridgeHarness.builder()
                .dhis2(sandbox.baseUrl(), "admin", "district")
                .property("metadata.schedule-enabled", "false")
                .property("metadata.page-size", "7")
                .start();
        long central = insertStore("NAT", code(TestTree.NATIONAL), null, true);
        long region1 = insertStore("R1", code(region(1)), null, false);
        insertStore("F111", code(facility(1, 1, 1)), null, false);
        insertStore("D21", code(district(2, 1)), null, false);
        insertStore("F211", code(facility(2, 1, 1)), central, false);
        insertStore("GHOST", "C-NO-SUCH-UNIT", null, false);
        insertStore("NOREF", null, null, false);
        insertStore("F333", code(facility(3, 3, 3)), null, false);
        insertStore("F332", code(facility(3, 3, 2)), null, false);
        execute("INSERT INTO org_unit_supplier (org_unit_uid, supplying_store_id) VALUES (?, ?)", district(2, 1), region1);
    }

    @AfterAll
    static void stop() {
        bridge.close();
        sandbox.close();
    }

    @Test
    void aTreeOfSeveralLevelsOverSeveralPagesIsReplicatedExactly() {
        sandbox.clearJournal();
        JsonNode run = sync();

        assertThat(run.path("status").asText()).isEqualTo("SUCCESS");
        assertThat(sandbox.journal().entries("GET", "/api/organisationUnits"))
                .extracting(e -> e.query().replaceAll(".*page=", ""))
                .containsExactly("1", "2", "3", "4", "5", "6");
        assertReplicaMatchesSandbox();
        assertThat(count("SELECT COUNT(*) AS n FROM org_unit WHERE level = 4")).isEqualTo(27);
        Map<String, Object> facility = row("SELECT * FROM org_unit WHERE uid = '" + facility(2, 3, 1) + "'");
        assertThat(facility.get("path")).isEqualTo("/" + TestTree.NATIONAL + "/" + region(2) + "/" + district(2, 3)
                + "/" + facility(2, 3, 1));
        assertThat(facility.get("opening_date").toString()).isEqualTo("2010-01-01");
        assertThat(bridge.query("SELECT status, summary FROM flow_run WHERE id = " + run.path("runId").asLong()))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("status")).isEqualTo("SUCCESS");
                    assertThat(r.get("summary").toString()).contains("\"users\":4");
                });
    }

    @Test
    void aUnitMovedRenamedClosedAndDeletedInDhis2IsReflectedAfterTheNextSync() {
        sync();
        sandbox.metadata().moveOrgUnit(facility(3, 1, 1), district(3, 2));
        sandbox.metadata().renameOrgUnit(facility(3, 1, 2), "Facility renamed");
        sandbox.metadata().closeOrgUnit(facility(3, 1, 3), LocalDate.of(2024, 6, 30));
        sandbox.metadata().deleteOrgUnit(facility(3, 2, 3));

        assertThat(sync().path("status").asText()).isEqualTo("SUCCESS");

        assertThat(row("SELECT * FROM org_unit WHERE uid = '" + facility(3, 1, 1) + "'"))
                .containsEntry("parent_uid", district(3, 2))
                .containsEntry("path", "/" + TestTree.NATIONAL + "/" + region(3) + "/" + district(3, 2) + "/" + facility(3, 1, 1))
                .containsEntry("status", "ACTIVE");
        assertThat(row("SELECT * FROM org_unit WHERE uid = '" + facility(3, 1, 2) + "'"))
                .containsEntry("name", "Facility renamed");
        Map<String, Object> closed = row("SELECT * FROM org_unit WHERE uid = '" + facility(3, 1, 3) + "'");
        assertThat(closed).containsEntry("status", "CLOSED");
        assertThat(closed.get("closed_date").toString()).isEqualTo("2024-06-30");
        assertThat(row("SELECT * FROM org_unit WHERE uid = '" + facility(3, 2, 3) + "'"))
                .containsEntry("status", "REMOVED").containsEntry("name", "Facility 3.2.3");
        assertReplicaMatchesSandbox();
    }

    @Test
    void aSyncThatFailsOnPageTwoLeavesTheReplicaAsItWas() {
        sync();
        List<Map<String, Object>> before = bridge.query("SELECT * FROM org_unit ORDER BY uid");
        List<Map<String, Object>> usersBefore = bridge.query("SELECT * FROM dhis2_user ORDER BY uid");
        sandbox.metadata().renameOrgUnit(region(1), "Region one, renamed");
        sandbox.metadata().deleteOrgUnit(facility(1, 3, 3));
        sandbox.faults().script("GET", "/api/organisationUnits", Fault.ok(), Fault.status(500));

        JsonNode failed = sync();

        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("error").asText()).contains("500");
        assertThat(bridge.query("SELECT * FROM org_unit ORDER BY uid")).isEqualTo(before);
        assertThat(bridge.query("SELECT * FROM dhis2_user ORDER BY uid")).isEqualTo(usersBefore);
        assertThat(bridge.query("SELECT status, error FROM flow_run WHERE id = " + failed.path("runId").asLong()))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("status")).isEqualTo("FAILED");
                    assertThat(r.get("error").toString()).contains("500");
                });

        assertThat(sync().path("status").asText()).isEqualTo("SUCCESS");
        assertThat(row("SELECT name FROM org_unit WHERE uid = '" + region(1) + "'")).containsEntry("name", "Region one, renamed");
        assertThat(row("SELECT status FROM org_unit WHERE uid = '" + facility(1, 3, 3) + "'")).containsEntry("status", "REMOVED");
    }

    @Test
    void storesWithoutAnOrgUnitAreReportedAndNewStoresAttachToTheirSupplier() throws Exception {
        sync();
        sandbox.metadata().closeOrgUnit(facility(3, 3, 3), LocalDate.of(2025, 1, 31));
        sandbox.metadata().deleteOrgUnit(facility(3, 3, 2));
        sync();

        HttpResponse<String> answer = bridge.server("GET", "/api/metadata/unmapped-stores", null);
        assertThat(answer.statusCode()).isEqualTo(200);
        Map<String, String> reasons = new HashMap<>();
        for (JsonNode s : JSON.readTree(answer.body())) {
            reasons.put(s.path("store_code").asText(), s.path("status").asText() + ": " + s.path("reason").asText());
        }
        assertThat(reasons).containsOnlyKeys("GHOST", "NOREF", "F333", "F332");
        assertThat(reasons.get("GHOST")).startsWith("ORG_UNIT_NOT_IN_DHIS2").contains("C-NO-SUCH-UNIT");
        assertThat(reasons.get("NOREF")).startsWith("NO_ORG_UNIT_REFERENCE");
        assertThat(reasons.get("F333")).startsWith("ORG_UNIT_CLOSED");
        assertThat(reasons.get("F332")).startsWith("ORG_UNIT_REMOVED");
        assertThat(count("SELECT COUNT(*) AS n FROM unmapped_store")).isEqualTo(4);

        // nearest ancestor that is a store: R1 under the national store, F111 under R1 (its district has none);
        // D21 has an explicit supplier (R1); F211 already had one (the central store) and keeps it
        assertThat(supplierOf("R1")).isEqualTo("NAT");
        assertThat(supplierOf("F111")).isEqualTo("R1");
        assertThat(supplierOf("D21")).isEqualTo("R1");
        assertThat(supplierOf("F211")).isEqualTo("NAT");
        assertThat(supplierOf("NAT")).isNull();
        assertThat(row("SELECT s.reason FROM store_org_unit s JOIN store t ON t.id = s.store_id WHERE t.code = 'F211'")
                .get("reason").toString()).contains("differs from DHIS2's hierarchy");
        assertThat(count("SELECT COUNT(*) AS n FROM store")).isEqualTo(9);
    }

    @Test
    void usersAreImportedWithAnAccountAndADisabledUserIsDisabled() {
        sandbox.metadata().disableUser("clerk", false);
        sync();
        assertThat(row("SELECT * FROM dhis2_user WHERE username = 'nurse'"))
                .containsEntry("uid", "UsNurse0001").containsEntry("first_name", "Amina").containsEntry("surname", "Okello")
                .containsEntry("email", "amina@example.org").containsEntry("phone_number", "+256700000001")
                .containsEntry("disabled", false);
        assertThat(bridge.query("SELECT org_unit_uid FROM dhis2_user_org_unit WHERE user_uid = 'UsNurse0001' ORDER BY org_unit_uid"))
                .extracting(r -> r.get("org_unit_uid")).containsExactly(facility(1, 1, 1), facility(1, 1, 2));
        assertThat(row("SELECT * FROM lmis_account WHERE username = 'clerk'"))
                .containsEntry("dhis2_user_uid", "UsClerk0001").containsEntry("first_name", "Ben").containsEntry("enabled", true);
        assertThat(count("SELECT COUNT(*) AS n FROM lmis_account")).isEqualTo(4);

        sandbox.metadata().disableUser("clerk", true);
        sync();

        assertThat(row("SELECT disabled FROM dhis2_user WHERE username = 'clerk'")).containsEntry("disabled", true);
        assertThat(row("SELECT enabled FROM lmis_account WHERE username = 'clerk'")).containsEntry("enabled", false);
        assertThat(row("SELECT enabled FROM lmis_account WHERE username = 'nurse'")).containsEntry("enabled", true);
        sandbox.metadata().disableUser("clerk", false);
    }

    @Test
    void aSecondSyncWhileOneRunsIsRefusedWith409() throws Exception {
        sandbox.faults().script("GET", "/api/organisationUnits", Fault.slow(1500));
        java.util.concurrent.CompletableFuture<JsonNode> first = java.util.concurrent.CompletableFuture.supplyAsync(
                MetadataSyncTest::sync);
        BridgeHarness.await("a running sync", java.time.Duration.ofSeconds(10),
                () -> !bridge.query("SELECT id FROM flow_run WHERE flow = 'metadata-sync' AND status = 'RUNNING'").isEmpty());

        HttpResponse<String> second = bridge.server("POST", "/api/metadata/sync", "{}");

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("ALREADY_RUNNING");
        assertThat(first.get(20, java.util.concurrent.TimeUnit.SECONDS).path("status").asText()).isEqualTo("SUCCESS");
    }

    private static JsonNode sync() {
        HttpResponse<String> answer = bridge.server("POST", "/api/metadata/sync", "{}");
        assertThat(answer.statusCode()).isEqualTo(200);
        try {
            return JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new AssertionError(answer.body(), e);
        }
    }

    private static void assertReplicaMatchesSandbox() {
        Map<String, Map<String, Object>> replica = new HashMap<>();
        for (Map<String, Object> r : bridge.query("SELECT * FROM org_unit")) {
            replica.put((String) r.get("uid"), r);
        }
        List<OrgUnit> units = sandbox.metadata().orgUnits();
        for (OrgUnit ou : units) {
            Map<String, Object> r = replica.remove(ou.id());
            assertThat(r).as(ou.id()).isNotNull();
            assertThat(r).as(ou.id()).containsEntry("code", ou.code()).containsEntry("name", ou.name())
                    .containsEntry("level", ou.level()).containsEntry("path", ou.path())
                    .containsEntry("parent_uid", ou.parent())
                    .containsEntry("status", ou.closedDate() == null ? "ACTIVE" : "CLOSED");
        }
        assertThat(replica.values()).allSatisfy(r -> assertThat(r).containsEntry("status", "REMOVED"));
    }

    private static String supplierOf(String storeCode) {
        List<Map<String, Object>> rows = bridge.query("SELECT p.code FROM store s LEFT JOIN store p ON p.id = s.supplying_store_id"
                + " WHERE s.code = '" + storeCode + "'");
        Object code = rows.get(0).get("code");
        return code == null ? null : code.toString();
    }

    private static Map<String, Object> row(String sql) {
        List<Map<String, Object>> rows = bridge.query(sql);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0);
    }

    private static long count(String sql) {
        return ((Number) row(sql).get("n")).longValue();
    }

    private static long insertStore(String code, String orgUnitCode, Long supplier, boolean central) throws SQLException {
        execute("INSERT INTO store (code, name, supplying_store_id, is_central, org_unit_code) VALUES (?, ?, ?, ?, ?)",
                code, "Store " + code, supplier, central, orgUnitCode);
        return ((Number) row("SELECT id FROM store WHERE code = '" + code + "'").get("id")).longValue();
    }

    private static void execute(String sql, Object... values) throws SQLException {
        try (Connection c = bridge.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
