package org.lmisbridge.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.lmisbridge.BridgeMain;
import org.lmisbridge.config.InvalidSettingException;
import org.lmisbridge.sql.NamedSql;

/**
 * The real bridge, started the way BridgeMain starts it (application.properties, routes/ from disk,
 * BridgeConfiguration), on free ports and a fresh in-memory H2 unless told otherwise.
 */
public final class BridgeHarness implements AutoCloseable {

    private final Main main;
    private final int serverPort;
    private final int managementPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private BridgeHarness(Main main, int serverPort, int managementPort) {
        this.main = main;
        this.serverPort = serverPort;
        this.managementPort = managementPort;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Properties properties = new Properties();
        private final Map<String, String> environment = new HashMap<>();

        private Builder() {
            properties.setProperty("bridge.db.url", "jdbc:h2:mem:bridge-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            properties.setProperty("bridge.sandbox.enabled", "false");
            properties.setProperty("bridge.demo.enabled", "false");
            properties.setProperty("camel.main.routes-reload-enabled", "false");
            properties.setProperty("camel.main.routes-include-pattern", "file:routes/*.camel.yaml,classpath:test-routes/*.camel.yaml");
            properties.setProperty("bridge.retry.initial-delay-ms", "10");
            properties.setProperty("bridge.retry.max-delay-ms", "50");
            properties.setProperty("bridge.dead-letter.replay-interval-ms", "200");
            properties.setProperty("dhis2.connect-timeout-ms", "2000");
            properties.setProperty("dhis2.read-timeout-ms", "3000");
        }

        public Builder property(String key, String value) {
            properties.setProperty(key, value);
            return this;
        }

        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        /** Points the bridge at a DHIS2 (or sandbox) with Basic auth. */
        public Builder dhis2(String baseUrl, String username, String password) {
            properties.setProperty("dhis2.base-url", baseUrl);
            properties.setProperty("dhis2.username", username);
            environment.put("DHIS2_PASSWORD", password);
            return this;
        }

        /**
         * Starts the bridge expecting it to refuse, and answers why: the InvalidSettingException among the
         * failure's causes, or else the root cause.
         */
        public Throwable startupFailure() {
            Throwable t = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, this::start);
            while (t.getCause() != null && !(t instanceof InvalidSettingException)) {
                t = t.getCause();
            }
            return t;
        }

        public BridgeHarness start() {
            int server = freePort();
            int management = freePort();
            properties.setProperty("camel.server.port", String.valueOf(server));
            properties.setProperty("camel.management.port", String.valueOf(management));
            Main main = BridgeMain.create(properties, environment);
            try {
                main.start();
            } catch (RuntimeException e) {
                try {
                    main.stop();
                } catch (RuntimeException ignored) {
                    // already failed
                }
                throw e;
            }
            return new BridgeHarness(main, server, management);
        }
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public ProducerTemplate producer() {
        return context().createProducerTemplate();
    }

    public DataSource dataSource() {
        return context().getRegistry().lookupByNameAndType("dataSource", DataSource.class);
    }

    public List<Map<String, Object>> query(String sql) {
        return NamedSqlAccess.query(dataSource(), sql);
    }

    /** http://127.0.0.1:PORT of the bridge's server (the API and the console). */
    public String serverUrl() {
        return "http://127.0.0.1:" + serverPort;
    }

    public int serverPort() {
        return serverPort;
    }

    public HttpResponse<String> server(String method, String path, String body) {
        return call(serverPort, method, path, body);
    }

    public HttpResponse<String> management(String path) {
        return call(managementPort, "GET", path, null);
    }

    private HttpResponse<String> call(int port, String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the condition holds, polling; fails after the timeout. No fixed sleeps in tests. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for: " + what);
            }
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        main.stop();
    }

    /** Plain SQL for assertions in tests (the bridge itself keeps its SQL in files). */
    static final class NamedSqlAccess {
        private NamedSqlAccess() {
        }

        static List<Map<String, Object>> query(DataSource ds, String sql) {
            return NamedSql.parse("test", sql).query(ds, Map.of());
        }
    }
}
