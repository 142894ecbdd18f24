package org.lmisbridge.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lmisbridge.metadata.TestTree.password;

import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.sandbox.Fault;
import org.lmisbridge.testsupport.BridgeHarness;
import org.lmisbridge.testsupport.TestDatabases;

/**
 * The same sync and login against each DHIS2 version the sandbox imitates (org units, users and
 * /api/me have the same shape on 2.39-2.42), alternating H2 and PostgreSQL so every SQL file of the
 * sync, including a failed run, also runs on PostgreSQL.
 */
class VersionToleranceTest {

    static Stream<Arguments> versions() {
        return Stream.of(
                Arguments.of("2.39", "H2"),
                Arguments.of("2.40", "PostgreSQL"),
                Arguments.of("2.41", "H2"),
                Arguments.of("2.42", "PostgreSQL"));
    }

    @ParameterizedTest(name = "DHIS2 {0} on {1}")
    @MethodSource("versions")
    void syncStoresAndLoginWorkTheSameOnEveryVersion(String version, String database) throws Exception {
        try (Dhis2Sandbox sandbox = Dhis2Sandbox.builder().port(0).version(version).emptyMetadata()
                .extraMetadata(TestTree.metadataJson()).build().start()) {
            BridgeHarness.Builder builder = BridgeHarness.builder()
                    .dhis2(sandbox.baseUrl(), "admin", "district")
                    .property("metadata.schedule-enabled", "false")
                    .property("metadata.page-size", "9")
                    .property("metadata.create-stores", "true")
                    .property("metadata.facility-level", "4");
            if (database.equals("PostgreSQL")) {
                builder.property("bridge.db.url", TestDatabases.postgresUrl());
            }
            try (BridgeHarness bridge = builder.start()) {
                try (Connection c = bridge.dataSource().getConnection(); Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO store (code, name, is_central, org_unit_code) VALUES "
                            + "('NAT', 'National store', TRUE, '" + TestTree.code(TestTree.NATIONAL) + "'), "
                            + "('F111', 'Facility store', FALSE, '" + TestTree.code(TestTree.facility(1, 1, 1)) + "'), "
                            + "('GHOST', 'Nowhere', FALSE, 'C-NOWHERE')");
                }
                assertThat(sync(bridge)).contains("\"status\":\"SUCCESS\"");
                sandbox.metadata().renameOrgUnit(TestTree.region(2), "Renamed in " + version);
                sandbox.faults().script("GET", "/api/organisationUnits", Fault.ok(), Fault.status(502));
                assertThat(sync(bridge)).contains("\"status\":\"FAILED\"");
                assertThat(bridge.query("SELECT name FROM org_unit WHERE uid = '" + TestTree.region(2) + "'").get(0))
                        .containsEntry("name", "Region 2");
                assertThat(sync(bridge)).contains("\"status\":\"SUCCESS\"");

                assertThat(bridge.query("SELECT name FROM org_unit WHERE uid = '" + TestTree.region(2) + "'").get(0))
                        .containsEntry("name", "Renamed in " + version);
                assertThat(number(bridge, "SELECT COUNT(*) AS n FROM org_unit WHERE status = 'ACTIVE'")).isEqualTo(TestTree.UNITS);
                assertThat(number(bridge, "SELECT COUNT(*) AS n FROM dhis2_user_org_unit")).isEqualTo(5);
                assertThat(number(bridge, "SELECT COUNT(*) AS n FROM lmis_account WHERE enabled = TRUE")).isEqualTo(4);
                assertThat(bridge.query("SELECT store_code, status FROM unmapped_store")).singleElement()
                        .satisfies(r -> assertThat(r).containsEntry("store_code", "GHOST")
                                .containsEntry("status", "ORG_UNIT_NOT_IN_DHIS2"));
                assertThat(bridge.query("SELECT p.code FROM store s JOIN store p ON p.id = s.supplying_store_id"
                        + " WHERE s.code = 'F111'").get(0)).containsEntry("code", "NAT");
                // metadata.create-stores: the 26 other facilities became stores under their nearest store (NAT)
                assertThat(number(bridge, "SELECT COUNT(*) AS n FROM store s JOIN store p ON p.id = s.supplying_store_id"
                        + " WHERE p.code = 'NAT' AND s.org_unit_uid IS NOT NULL")).isEqualTo(26);
                assertThat(number(bridge, "SELECT COUNT(*) AS n FROM store")).isEqualTo(3 + 26);

                assertThat(login(bridge, "nurse", password("nurse")).statusCode()).isEqualTo(200);
                assertThat(login(bridge, "nurse", "not-it").statusCode()).isEqualTo(401);
            }
        }
    }

    private static String sync(BridgeHarness bridge) {
        var answer = bridge.server("POST", "/api/metadata/sync", "{}");
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static java.net.http.HttpResponse<String> login(BridgeHarness bridge, String user, String pw) {
        return bridge.server("POST", "/api/login", "{\"username\":\"" + user + "\",\"password\":\"" + pw + "\"}");
    }

    private static long number(BridgeHarness bridge, String sql) {
        return ((Number) bridge.query(sql).get(0).get("n")).longValue();
    }
}
