package org.lmisbridge.dhis2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.testsupport.BridgeHarness;
import org.slf4j.LoggerFactory;

/**
 * The embedded default run: demo data in an empty database, the sandbox seeded to match, the
 * connection check succeeding, health UP, routes in JMX, and the password nowhere in the log.
 */
class DefaultRunTest {

    private static final String PASSWORD = "Def4ult-Run-Secret";
    private static BridgeHarness bridge;

    @BeforeAll
    static void start() {
        bridge = BridgeHarness.builder()
                .property("bridge.sandbox.enabled", "true")
                .property("bridge.sandbox.port", "0")
                .property("bridge.demo.enabled", "true")
                .property("bridge.demo.days", "5")
                .env("DHIS2_PASSWORD", PASSWORD)
                .start();
    }

    @AfterAll
    static void stop() {
        bridge.close();
    }

    @Test
    void theConnectionCheckSucceedsAgainstTheSandboxAndIsRecorded() {
        BridgeHarness.await("a successful connection check", Duration.ofSeconds(20),
                () -> !bridge.query("SELECT * FROM dhis2_connection WHERE last_success_at IS NOT NULL").isEmpty());
        Map<String, Object> row = bridge.query("SELECT * FROM dhis2_connection").get(0);
        assertThat(row.get("dhis2_version")).isEqualTo("2.42.4.1");
        assertThat(row.get("username")).isEqualTo("admin");
        assertThat(row.get("last_error")).isNull();

        BridgeHarness.await("health UP", Duration.ofSeconds(20),
                () -> bridge.management("/observe/health").body().startsWith("{\"status\":\"UP\""));
        assertThat(bridge.server("POST", "/api/connection/test", null).body()).contains("\"ok\":true");
    }

    @Test
    void demoDataFillsTheEmptyDatabaseAndTheSandboxKnowsEveryStore() {
        assertThat(bridge.query("SELECT COUNT(*) AS n FROM store").get(0).get("n").toString()).isEqualTo("8");
        assertThat(((Number) bridge.query("SELECT COUNT(*) AS n FROM stock_transaction").get(0).get("n")).longValue())
                .isEqualTo(5 * 200L);
        Dhis2Sandbox sandbox = bridge.context().getRegistry().lookupByNameAndType("dhis2Sandbox", Dhis2Sandbox.class);
        for (Map<String, Object> store : bridge.query("SELECT org_unit_uid FROM store")) {
            assertThat(sandbox.metadata().orgUnit((String) store.get("org_unit_uid"), org.lmisbridge.sandbox.IdScheme.UID)).isNotNull();
        }
    }

    @Test
    void jmxListsTheRoutesOfTheRunningBridge() throws Exception {
        String name = bridge.context().getManagementName();
        var routes = ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("org.apache.camel:context=" + name + ",type=routes,*"), null);
        assertThat(routes).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void noJmxAttributeOfTheBridgeShowsThePassword() throws Exception {
        javax.management.MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        int read = 0;
        for (ObjectName name : jmx.queryNames(new ObjectName("org.apache.camel:context="
                + bridge.context().getManagementName() + ",*"), null)) {
            for (javax.management.MBeanAttributeInfo attribute : jmx.getMBeanInfo(name).getAttributes()) {
                if (!attribute.isReadable()) {
                    continue;
                }
                Object value;
                try {
                    value = jmx.getAttribute(name, attribute.getName());
                } catch (Exception | LinkageError unreadable) {
                    continue;
                }
                read++;
                assertThat(String.valueOf(value)).as("%s %s", name, attribute.getName()).doesNotContain(PASSWORD);
            }
        }
        assertThat(read).isGreaterThan(100);
    }

    @Test
    void thePasswordAppearsNowhereInTheLogEvenWhenSomethingLogsIt() throws IOException {
        BridgeHarness.await("a successful connection check", Duration.ofSeconds(20),
                () -> !bridge.query("SELECT * FROM dhis2_connection WHERE last_success_at IS NOT NULL").isEmpty());
        LoggerFactory.getLogger("a.careless.library").warn("connecting with password {} and header Authorization: Basic {}",
                PASSWORD, java.util.Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes()));
        Path log = Path.of(System.getProperty("bridge.log.dir", "logs"), "bridge.log");
        String text = Files.readString(log);
        assertThat(text).contains("a.careless.library").contains("DHIS2 connection OK");
        assertThat(text).doesNotContain(PASSWORD)
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes()));
    }
}
