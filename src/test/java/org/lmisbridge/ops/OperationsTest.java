package org.lmisbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmisbridge.testsupport.BridgeHarness;

/** What an operator sees: routes over JMX (stoppable), health and Prometheus metrics on the management port. */
class OperationsTest {

    private static BridgeHarness bridge;

    @BeforeAll
    static void start() {
        bridge = BridgeHarness.builder()
                .dhis2("http://127.0.0.1:" + BridgeHarness.freePort(), "admin", "pw12345").start();
    }

    @AfterAll
    static void stop() {
        bridge.close();
    }

    @Test
    void jmxListsEveryRouteAndCanStopAndStartOne() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        String context = bridge.context().getManagementName();
        Set<ObjectName> routes = jmx.queryNames(new ObjectName("org.apache.camel:context=" + context + ",type=routes,*"), null);
        Set<String> ids = new java.util.HashSet<>();
        for (ObjectName route : routes) {
            ids.add((String) jmx.getAttribute(route, "RouteId"));
        }
        assertThat(ids).contains("dhis2-connection-check", "dead-letter-store", "dead-letter-replay", "dead-letter-list");

        ObjectName replay = routes.stream()
                .filter(n -> "\"dead-letter-replay\"".equals(n.getKeyProperty("name")) || n.toString().contains("dead-letter-replay"))
                .findFirst().orElseThrow();
        assertThat(bridge.context().getManagementStrategy().getManagementAgent().getStatisticsLevel().name())
                .isEqualTo("Extended");
        assertThat(jmx.getAttribute(replay, "ExchangesTotal")).isNotNull();
        jmx.invoke(replay, "stop", null, null);
        assertThat(bridge.context().getRouteController().getRouteStatus("dead-letter-replay")).isEqualTo(ServiceStatus.Stopped);
        jmx.invoke(replay, "start", null, null);
        assertThat(bridge.context().getRouteController().getRouteStatus("dead-letter-replay")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void healthNamesTheDhis2ProblemAndMetricsAreInPrometheusFormat() {
        BridgeHarness.await("the first connection check", Duration.ofSeconds(20),
                () -> bridge.management("/observe/health").body().contains("UNREACHABLE"));
        HttpResponse<String> health = bridge.management("/observe/health");
        assertThat(health.body()).contains("{\"name\":\"dhis2\",\"status\":\"DOWN\"").contains("UNREACHABLE");

        HttpResponse<String> metrics = bridge.management("/observe/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("camel_exchanges_total").contains("jvm_memory_used_bytes");
    }

    @Test
    void theDeadLetterListIsServedAsJson() {
        HttpResponse<String> list = bridge.server("GET", "/api/dead-letters?status=NEW", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("[]");
    }
}
