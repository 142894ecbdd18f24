package org.lmisbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmisbridge.sql.NamedSql;

/** The console's and the alerts' SQL, unchanged, on H2 and PostgreSQL. */
class ConsoleSqlTest {

    private static void setUp(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO flow_run (flow, trigger, started_at, finished_at, status, summary) VALUES "
                    + "('requisition-fetch', 'schedule', TIMESTAMP '2026-11-20 06:00:00', TIMESTAMP '2026-11-20 06:00:04', 'SUCCESS', '{\"imported\":3}'),"
                    + "('requisition-fetch', 'manual', TIMESTAMP '2026-11-21 06:00:00', TIMESTAMP '2026-11-21 06:00:02', 'FAILED', NULL),"
                    + "('metadata-sync', 'schedule', TIMESTAMP '2026-11-21 02:00:00', NULL, 'RUNNING', NULL)");
            s.executeUpdate("INSERT INTO dead_letter (route_id, reason, status) VALUES "
                    + "('datavalue-push-batch', 'HTTP 409 from DHIS2: period is locked', 'NEW'),"
                    + "('rts-post-tracker', 'HTTP 503 from DHIS2', 'REPLAYED'),"
                    + "('rts-post-tracker', 'Reason with 100% and an_underscore', 'NEW')");
            s.executeUpdate("INSERT INTO rejected_input (flow, source_ref, reason) VALUES "
                    + "('requisition-fetch', 'EvOrder0001', 'unknown item code XYZ'),"
                    + "('consignment-acknowledgement', 'EvRecv00001', 'unknown consignment number CN-9')");
            s.executeUpdate("INSERT INTO datavalue_outbox (data_element, period, org_unit, value, status, last_error) VALUES "
                    + "('DeSoh', '20261120', 'OuFac1', '5', 'POSTED', NULL),"
                    + "('DeSoh', '20261121', 'OuFac1', '6', 'FAILED', 'E7641 period locked'),"
                    + "('DeSoh', '20261122', 'OuFac1', '7', 'PENDING', NULL)");
            s.executeUpdate("INSERT INTO not_mapped (kind, ref, reason) VALUES ('ITEM', 'AMOX', 'no DHIS2 code')");
        }
    }

    private static List<Map<String, Object>> q(DataSource ds, String name, Map<String, ?> params) {
        return NamedSql.load(name).query(ds, params);
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void theStatusQueriesReadTheLatestRunPerFlowTheOutboxAndTheOpenProblems(DataSource ds) throws SQLException {
        setUp(ds);
        assertThat(q(ds, "console-flow-last-runs", Map.of()))
                .extracting(r -> r.get("flow") + " " + r.get("status"))
                .containsExactly("metadata-sync RUNNING", "requisition-fetch FAILED");
        assertThat(q(ds, "console-outbox-by-status", Map.of()))
                .extracting(r -> r.get("status") + " " + ((Number) r.get("values_count")).intValue())
                .containsExactly("FAILED 1", "PENDING 1", "POSTED 1");
        assertThat(q(ds, "console-outbox-failures", Map.of("limit", 10)))
                .extracting(r -> r.get("last_error")).containsExactly("E7641 period locked");
        Map<String, Object> problems = q(ds, "console-open-problems", Map.of()).get(0);
        assertThat(((Number) problems.get("dead_letters")).intValue()).isEqualTo(2);
        assertThat(((Number) problems.get("rejected_inputs")).intValue()).isEqualTo(2);
        assertThat(((Number) problems.get("outbox_failures")).intValue()).isEqualTo(1);
        assertThat(((Number) problems.get("not_mapped")).intValue()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void deadLettersAndRejectedInputsFilterByStatusRouteAndWordsTakenLiterally(DataSource ds) throws SQLException {
        setUp(ds);
        assertThat(q(ds, "console-dead-letters", Map.of("status", "NEW", "route", "", "pattern", "", "limit", 10)))
                .hasSize(2);
        assertThat(q(ds, "console-dead-letters", Map.of("status", "", "route", "rts-post-tracker",
                "pattern", ConsoleStatus.pattern("503"), "limit", 10))).hasSize(1);
        assertThat(q(ds, "console-dead-letters", Map.of("status", "", "route", "",
                "pattern", ConsoleStatus.pattern("100%"), "limit", 10))).hasSize(1);
        assertThat(q(ds, "console-dead-letters", Map.of("status", "", "route", "",
                "pattern", ConsoleStatus.pattern("_"), "limit", 10))).as("_ is not a wildcard").hasSize(1);
        assertThat(q(ds, "console-rejected-inputs", Map.of("status", "", "flow", "",
                "pattern", ConsoleStatus.pattern("evrecv"), "limit", 10)))
                .extracting(r -> r.get("flow")).containsExactly("consignment-acknowledgement");
        assertThat(q(ds, "console-not-mapped", Map.of("limit", 10))).extracting(r -> r.get("ref")).containsExactly("AMOX");
    }

    @ParameterizedTest
    @MethodSource("org.lmisbridge.testsupport.TestDatabases#both")
    void operatorActionsAreRecordedAndTheAlertQueriesReadOnlyWhatIsNew(DataSource ds) throws SQLException {
        setUp(ds);
        OperatorLog log = new OperatorLog(ds);
        log.record("ops", "replay", Map.of("ids", List.of(1, 3)), "OK", null);
        log.record("viewer", "push", Map.of(), "DENIED", "needs authority F_LMIS_BRIDGE_OPERATE");
        assertThat(log.latest(10)).extracting(r -> r.get("username") + " " + r.get("action") + " " + r.get("outcome")
                + " " + r.get("parameters")).containsExactly("viewer push DENIED null", "ops replay OK {\"ids\":[1,3]}");

        Map<String, Object> marks = q(ds, "alerts-high-water", Map.of()).get(0);
        long lastDead = ((Number) marks.get("dead_letter_id")).longValue();
        assertThat(q(ds, "alerts-dead-letters-after", Map.of("afterId", lastDead - 1, "limit", 10))).hasSize(1);
        assertThat(q(ds, "alerts-failed-runs-after", Map.of("afterId", 0, "limit", 10)))
                .extracting(r -> r.get("flow")).containsExactly("requisition-fetch");
    }
}
