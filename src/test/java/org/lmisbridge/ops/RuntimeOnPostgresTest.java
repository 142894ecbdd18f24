package org.lmisbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmisbridge.db.Database;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.sandbox.Fault;
import org.lmisbridge.testsupport.BridgeHarness;
import org.lmisbridge.testsupport.TestDatabases;

/** The bridge runs on PostgreSQL as it does on H2: migrations, connection check, dead letters, replay. */
class RuntimeOnPostgresTest {

    @Test
    void theBridgeRecordsItsConnectionAndDeadLettersInPostgres() {
        try (Dhis2Sandbox sandbox = Dhis2Sandbox.builder().port(0).user("bridge", "Pg-Secret-1").build().start();
             BridgeHarness bridge = BridgeHarness.builder().dhis2(sandbox.baseUrl(), "bridge", "Pg-Secret-1")
                     .property("bridge.db.url", TestDatabases.postgresUrl())
                     .property("bridge.retry.max-redeliveries", "1")
                     .start()) {
            assertThat(Database.isPostgres(bridge.dataSource())).isTrue();
            BridgeHarness.await("a successful connection check", Duration.ofSeconds(20),
                    () -> !bridge.query("SELECT 1 FROM dhis2_connection WHERE last_success_at IS NOT NULL").isEmpty());

            sandbox.faults().script("POST", "/api/dataValueSets", Fault.status(502), Fault.status(502));
            bridge.producer().sendBody("direct:probe-dhis2-post", "{\"dataValues\":[]}");
            Map<String, Object> row = bridge.query("SELECT * FROM dead_letter").get(0);
            assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(2);

            bridge.server("POST", "/api/dead-letters/replay", "{\"ids\":[" + row.get("id") + "]}");
            BridgeHarness.await("the replay on PostgreSQL", Duration.ofSeconds(20),
                    () -> "REPLAYED".equals(bridge.query("SELECT status FROM dead_letter").get(0).get("status")));
        }
    }
}
