package org.lmisbridge.dhis2;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.testsupport.BridgeHarness;

/** The connection check names a failure plainly and records it, without the password anywhere. */
class ConnectionCheckFailuresTest {

    private static Map<String, Object> connectionRow(BridgeHarness bridge) {
        List<Map<String, Object>> rows = bridge.query("SELECT * FROM dhis2_connection WHERE id = 1");
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void aClosedPortIsReportedAsUnreachable() {
        int closed = BridgeHarness.freePort();
        try (BridgeHarness bridge = BridgeHarness.builder()
                .dhis2("http://127.0.0.1:" + closed, "admin", "S3cret-Unreachable").start()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> answer = bridge.producer().requestBody("direct:dhis2-connection-check", (Object) null, Map.class);
            assertThat(answer.get("ok")).isEqualTo(false);
            assertThat(answer.get("lastErrorKind")).isEqualTo("UNREACHABLE");
            Map<String, Object> row = connectionRow(bridge);
            assertThat(row.get("last_error_kind")).isEqualTo("UNREACHABLE");
            assertThat((String) row.get("last_error")).contains("127.0.0.1:" + closed).doesNotContain("S3cret");
            assertThat(row.get("last_success_at")).isNull();
        }
    }

    @Test
    void aWrongPasswordIsReportedAsWrongCredentialsAndTheLastSuccessIsKept() {
        try (Dhis2Sandbox sandbox = Dhis2Sandbox.builder().port(0).user("bridge", "Right-Pass-1").build().start()) {
            try (BridgeHarness bridge = BridgeHarness.builder().dhis2(sandbox.baseUrl(), "bridge", "Right-Pass-1").start()) {
                bridge.producer().requestBody("direct:dhis2-connection-check", (Object) null);
                assertThat(connectionRow(bridge).get("last_success_at")).isNotNull();
                sandbox.metadata().user("bridge").password("changed-in-dhis2");

                bridge.producer().requestBody("direct:dhis2-connection-check", (Object) null);

                Map<String, Object> row = connectionRow(bridge);
                assertThat(row.get("last_error_kind")).isEqualTo("WRONG_CREDENTIALS");
                assertThat((String) row.get("last_error")).contains("user bridge").contains("HTTP 401")
                        .doesNotContain("Right-Pass-1");
                assertThat(row.get("last_success_at")).isNotNull();
                assertThat(bridge.management("/observe/health").body()).contains("WRONG_CREDENTIALS");
            }
        }
    }

    @Test
    void aWebServerThatIsNotDhis2IsReportedAsNotDhis2() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            byte[] html = "<html><body>Welcome to nginx</body></html>".getBytes(StandardCharsets.UTF_8);
            int status = exchange.getRequestURI().getPath().equals("/api/system/info") ? 200 : 404;
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(status, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        other.start();
        try (BridgeHarness bridge = BridgeHarness.builder()
                .dhis2("http://127.0.0.1:" + other.getAddress().getPort(), "admin", "pw12345").start()) {
            bridge.producer().requestBody("direct:dhis2-connection-check", (Object) null);
            Map<String, Object> row = connectionRow(bridge);
            assertThat(row.get("last_error_kind")).isEqualTo("NOT_DHIS2");
            assertThat((String) row.get("last_error")).contains("is not a DHIS2 server").contains("dhis2.base-url");
        } finally {
            other.stop(0);
        }
    }
}
