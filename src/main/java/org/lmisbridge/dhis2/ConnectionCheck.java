package org.lmisbridge.dhis2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.lmisbridge.sql.NamedSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the {@code dhis2-connection-check} route: read {@code /api/system/info} and
 * {@code /api/me}, then record the outcome in {@code dhis2_connection} (the last successful
 * connection survives a failure) and keep it in memory for the health check.
 */
public class ConnectionCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCheck.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Status(boolean ok, Instant checkedAt, String version, String username,
                         ConnectionFailure failure) {
    }

    private final DataSource dataSource;
    private final Dhis2Connection connection;
    private final NamedSql ensureRow = NamedSql.load("dhis2-connection-ensure-row");
    private final NamedSql success = NamedSql.load("dhis2-connection-success");
    private final NamedSql failure = NamedSql.load("dhis2-connection-failure");
    private final NamedSql status = NamedSql.load("dhis2-connection-status");
    private volatile Status last;

    public ConnectionCheck(DataSource dataSource, Dhis2Connection connection) {
        this.dataSource = dataSource;
        this.connection = connection;
    }

    /** Reads the DHIS2 version from /api/system/info; anything else is not a DHIS2. */
    public void systemInfo(Exchange exchange) {
        JsonNode info = readJson(exchange, "/api/system/info");
        JsonNode version = info.get("version");
        if (version == null || !version.isTextual()) {
            throw new ConnectionFailure.NotDhis2Exception("/api/system/info has no version");
        }
        exchange.setProperty("dhis2Version", version.asText());
    }

    /** Reads the user the bridge is known as from /api/me. */
    public void me(Exchange exchange) {
        JsonNode me = readJson(exchange, "/api/me");
        JsonNode username = me.get("username");
        if (username == null) {
            throw new ConnectionFailure.NotDhis2Exception("/api/me has no username");
        }
        exchange.setProperty("dhis2Username", username.asText());
    }

    public Map<String, Object> succeeded(Exchange exchange) {
        String version = exchange.getProperty("dhis2Version", String.class);
        String username = exchange.getProperty("dhis2Username", String.class);
        Instant now = Instant.now();
        ensureRow.update(dataSource, Map.of("baseUrl", connection.baseUrl()));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("baseUrl", connection.baseUrl());
        row.put("version", version);
        row.put("username", username);
        row.put("checkedAt", now);
        success.update(dataSource, row);
        last = new Status(true, now, version, username, null);
        LOG.info("DHIS2 connection OK: DHIS2 {} at {} as {}", version, connection.baseUrl(), username);
        return describe();
    }

    public Map<String, Object> failed(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String who = connection.auth().username() == null ? "the API token" : "user " + connection.auth().username();
        ConnectionFailure f = ConnectionFailure.classify(cause, connection.baseUrl(), who);
        Instant now = Instant.now();
        ensureRow.update(dataSource, Map.of("baseUrl", connection.baseUrl()));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("baseUrl", connection.baseUrl());
        row.put("checkedAt", now);
        row.put("error", f.message());
        row.put("errorKind", f.kind().name());
        failure.update(dataSource, row);
        Status previous = last;
        last = new Status(false, now, previous == null ? null : previous.version(), null, f);
        LOG.warn("DHIS2 connection FAILED ({}): {}", f.kind(), f.message());
        return describe();
    }

    /** The recorded state, as the status endpoint answers it. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        Status s = last;
        out.put("ok", s != null && s.ok());
        status.query(dataSource, Map.of()).stream().findFirst().ifPresent(row -> row.forEach((k, v) ->
                out.put(camel(k), v == null ? null : v.toString())));
        if (!out.containsKey("baseUrl")) {
            out.put("baseUrl", connection.baseUrl());
        }
        return out;
    }

    public Status last() {
        return last;
    }

    private static JsonNode readJson(Exchange exchange, String path) {
        String body = exchange.getMessage().getBody(String.class);
        try {
            JsonNode node = body == null ? null : JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ConnectionFailure.NotDhis2Exception(path + " did not answer a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConnectionFailure.NotDhis2Exception(path + " did not answer JSON");
        }
    }

    private static String camel(String column) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }
}
