package org.lmisbridge.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.lmisbridge.sql.NamedSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters as rows an operator can list and replay (table {@code dead_letter}). A failed
 * exchange is stored with its original body, its non-sensitive headers, the reason (masked) and the
 * endpoint a replay should send it to: the failed route's own {@code direct:}/{@code seda:} input,
 * or the exchange property {@value #REPLAY_URI} a route sets when it knows better.
 */
public class DeadLetters {

    public static final String REPLAY_URI = "bridgeReplayUri";
    static final String DEAD_LETTER_ID = "bridgeDeadLetterId";
    public static final String DEAD_LETTERED = "bridgeDeadLettered";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SENSITIVE = Set.of("authorization", "cookie", "set-cookie", "proxy-authorization");

    private final DataSource dataSource;
    private final NamedSql insert = NamedSql.load("dead-letter-insert");
    private final NamedSql list = NamedSql.load("dead-letter-list");
    private final NamedSql markForReplay = NamedSql.load("dead-letter-mark-for-replay");
    private final NamedSql toReplay = NamedSql.load("dead-letter-to-replay");
    private final NamedSql replayed = NamedSql.load("dead-letter-replayed");
    private final NamedSql replayFailed = NamedSql.load("dead-letter-replay-failed");

    public DeadLetters(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the failed exchange as a NEW dead letter; when the exchange was itself a replay, the
     * replayed row is updated instead, so a message never has two dead letters.
     */
    public void record(Exchange exchange) {
        exchange.setProperty(DEAD_LETTERED, true);
        if (exchange.getProperty(DEAD_LETTER_ID) != null) {
            replayFailed(exchange);
            return;
        }
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String routeId = exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class);
        if (routeId == null) {
            routeId = exchange.getFromRouteId();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("routeId", routeId);
        row.put("endpointUri", replayUri(exchange, routeId));
        row.put("reason", truncate(reason(cause), 4000));
        row.put("exceptionClass", cause == null ? null : cause.getClass().getName());
        row.put("httpStatus", httpStatus(cause));
        row.put("body", exchange.getMessage().getBody(String.class));
        row.put("headers", headersJson(exchange.getMessage().getHeaders()));
        row.put("attempts", attempts(exchange));
        row.put("now", Instant.now());
        insert.update(dataSource, row);
        LOG.error("Dead letter from route {}: {}", routeId, row.get("reason"));
    }

    public List<Map<String, Object>> list(String status, Integer limit) {
        String s = status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
        int n = limit == null ? 100 : Math.max(1, Math.min(limit, 1000));
        return list.query(dataSource, Map.of("status", s, "limit", n));
    }

    /** Marks the given dead letters for the replay route; answers how many were marked. */
    public int markForReplay(List<? extends Number> ids) {
        int marked = 0;
        for (Number id : ids) {
            marked += markForReplay.update(dataSource, Map.of("id", id.longValue(), "now", Instant.now()));
        }
        return marked;
    }

    public List<Map<String, Object>> dueForReplay(int limit) {
        return toReplay.query(dataSource, Map.of("limit", limit));
    }

    /** Turns a dead-letter row (the body of the replay split) back into the message it was. */
    public void restore(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> row = exchange.getMessage().getBody(Map.class);
        exchange.setProperty(DEAD_LETTER_ID, row.get("id"));
        exchange.removeProperty(RetryPolicy.ATTEMPTS);
        exchange.removeProperty(DEAD_LETTERED);
        exchange.setProperty(REPLAY_URI, row.get("endpoint_uri"));
        exchange.getMessage().getHeaders().clear();
        Object headers = row.get("headers");
        if (headers != null) {
            try {
                exchange.getMessage().getHeaders().putAll(JSON.readValue(headers.toString(), new TypeReference<Map<String, Object>>() { }));
            } catch (JsonProcessingException e) {
                LOG.warn("Dead letter {}: stored headers unreadable, replaying without them", row.get("id"));
            }
        }
        Object body = row.get("body");
        exchange.getMessage().setBody(body == null ? null : body.toString());
    }

    /** After a replay: marks the row REPLAYED unless the route dead-lettered it again. */
    public void afterReplay(Exchange exchange) {
        if (!exchange.getProperty(DEAD_LETTERED, false, Boolean.class)) {
            replayed(exchange);
        }
    }

    public void replayed(Exchange exchange) {
        Object id = exchange.getProperty(DEAD_LETTER_ID);
        replayed.update(dataSource, Map.of("id", id, "now", Instant.now()));
        LOG.info("Dead letter {} replayed", id);
    }

    public void replayFailed(Exchange exchange) {
        Object id = exchange.getProperty(DEAD_LETTER_ID);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        replayFailed.update(dataSource, Map.of("id", id, "reason", truncate(reason(cause), 4000),
                "attempts", attempts(exchange), "now", Instant.now()));
        LOG.warn("Dead letter {} replay failed: {}", id, reason(cause));
    }

    /**
     * How many times the message was tried, as the retry policy counted them: Camel numbers each
     * redelivery before asking the policy about it, so when the policy says no the number equals the
     * attempts made (1 when the first failure was not retryable). Failing that, Camel's counter.
     */
    static int attempts(Exchange exchange) {
        Integer counted = exchange.getProperty(RetryPolicy.ATTEMPTS, Integer.class);
        if (counted != null) {
            return counted;
        }
        Integer counter = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        return counter == null ? 1 : Math.max(1, counter);
    }

    static String replayUri(Exchange exchange, String routeId) {
        String explicit = exchange.getProperty(REPLAY_URI, String.class);
        if (explicit != null) {
            return explicit;
        }
        Route route = routeId == null ? null : exchange.getContext().getRoute(routeId);
        Endpoint from = route == null ? null : route.getEndpoint();
        if (from != null) {
            String uri = from.getEndpointUri();
            if (uri.startsWith("direct:") || uri.startsWith("seda:")) {
                return uri;
            }
        }
        return null;
    }

    static String reason(Throwable cause) {
        if (cause == null) {
            return "unknown";
        }
        if (cause instanceof HttpOperationFailedException http) {
            return SecretMasker.mask("HTTP " + http.getStatusCode() + " from " + http.getUri()
                    + Dhis2Answer.summary(http.getResponseBody()));
        }
        return SecretMasker.mask(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private static Integer httpStatus(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                return http.getStatusCode();
            }
        }
        return null;
    }

    static String headersJson(Map<String, Object> headers) {
        Map<String, Object> kept = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            boolean simple = v instanceof String || v instanceof Number || v instanceof Boolean;
            if (simple && !SENSITIVE.contains(key) && !key.startsWith("camel")) {
                kept.put(k, v instanceof String s ? SecretMasker.mask(s) : v);
            }
        });
        try {
            return JSON.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
