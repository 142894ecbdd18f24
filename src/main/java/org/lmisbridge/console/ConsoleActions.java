package org.lmisbridge.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.lmisbridge.ops.DeadLetters;

/**
 * The console's actions. Each one is logged in {@code operator_action} with the signed-in user and
 * its outcome, and each calls the flow's own {@code direct:} route, the one its schedule and its
 * {@code /api/...} endpoint call. End-of-Day and the aggregate push are offered only while their
 * routes exist in this bridge.
 */
public class ConsoleActions {

    private final CamelContext context;
    private final ProducerTemplate producer;
    private final DeadLetters deadLetters;
    private final OperatorLog log;
    private final String eodRoute;
    private final String pushRoute;

    public ConsoleActions(CamelContext context, DeadLetters deadLetters, OperatorLog log, String eodRoute,
            String pushRoute) {
        this.context = context;
        this.producer = context.createProducerTemplate();
        this.deadLetters = deadLetters;
        this.log = log;
        this.eodRoute = eodRoute;
        this.pushRoute = pushRoute;
    }

    /** Which optional actions this bridge can run. */
    public Map<String, Object> available() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("endOfDay", context.getRoute(eodRoute) != null);
        out.put("push", context.getRoute(pushRoute) != null);
        out.put("pullRequisitions", context.getRoute("requisition-fetch") != null);
        out.put("pullReceipts", context.getRoute("consignment-acknowledgement") != null);
        return out;
    }

    public Object testConnection(ConsoleSessions.Session who, Map<String, Object> body) {
        return run(who, "test-connection", body, () -> {
            Object result = producer.requestBody("direct:dhis2-connection-check", (Object) null);
            if (result instanceof Map<?, ?> m && Boolean.FALSE.equals(m.get("ok"))) {
                throw new ActionFailed(result, String.valueOf(m.get("lastError")));
            }
            return result;
        });
    }

    public Object replay(ConsoleSessions.Session who, Map<String, Object> body) {
        Object ids = body.get("ids");
        if (!(ids instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(Number.class::isInstance)) {
            throw refuse(who, "replay", body, 400, "Send {\"ids\": [1, 2, ...]}: the dead letters to replay");
        }
        @SuppressWarnings("unchecked")
        List<Number> numbers = (List<Number>) list;
        return run(who, "replay", body, () -> Map.of("marked", deadLetters.markForReplay(numbers)));
    }

    public Object endOfDay(ConsoleSessions.Session who, Map<String, Object> body) {
        LocalDate day = date(who, "end-of-day", body, "day", true);
        routeNeeded(who, "end-of-day", body, eodRoute, "End-of-Day");
        Map<String, Object> range = Map.of("from", day.toString(), "to", day.toString());
        return run(who, "end-of-day", body, () -> producer.requestBody("direct:" + eodRoute, range));
    }

    public Object push(ConsoleSessions.Session who, Map<String, Object> body) {
        LocalDate from = date(who, "push", body, "from", true);
        LocalDate to = date(who, "push", body, "to", true);
        range(who, "push", body, from, to);
        routeNeeded(who, "push", body, pushRoute, "The aggregate push");
        Map<String, Object> request = Map.of("from", from.toString(), "to", to.toString(),
                "dryRun", Boolean.TRUE.equals(body.get("dryRun")) || "true".equals(String.valueOf(body.get("dryRun"))));
        return run(who, "push", body, () -> producer.requestBody("direct:" + pushRoute, request));
    }

    /** With {"from","to"}: the orders made on those days; without: an incremental fetch. */
    public Object pullRequisitions(ConsoleSessions.Session who, Map<String, Object> body) {
        LocalDate from = date(who, "pull-requisitions", body, "from", false);
        LocalDate to = date(who, "pull-requisitions", body, "to", false);
        if (from == null && to == null) {
            return run(who, "pull-requisitions", body, () -> producer.requestBodyAndHeader(
                    "direct:requisition-fetch", "", "requisitionTrigger", "manual"));
        }
        range(who, "pull-requisitions", body, from, to);
        Map<String, Object> request = Map.of("from", from.toString(), "to", to.toString());
        return run(who, "pull-requisitions", body, () -> producer.requestBody("direct:requisition-pull", request));
    }

    /** With {"from","to"}: the receipts updated on those days; without: from the watermark. */
    public Object pullReceipts(ConsoleSessions.Session who, Map<String, Object> body) {
        LocalDate from = date(who, "pull-receipts", body, "from", false);
        LocalDate to = date(who, "pull-receipts", body, "to", false);
        if (from == null && to == null) {
            return run(who, "pull-receipts", body, () -> producer.requestBodyAndHeader(
                    "direct:consignment-acknowledgement", "", "consignmentTrigger", "MANUAL"));
        }
        range(who, "pull-receipts", body, from, to);
        Map<String, Object> request = Map.of("from", from.toString(), "to", to.toString());
        return run(who, "pull-receipts", body,
                () -> producer.requestBody("direct:consignment-acknowledgement", request));
    }

    public Object stopRoute(ConsoleSessions.Session who, Map<String, Object> body) {
        String id = routeId(who, "stop-route", body);
        return run(who, "stop-route", body, () -> {
            context.getRouteController().stopRoute(id);
            return routeState(id);
        });
    }

    public Object startRoute(ConsoleSessions.Session who, Map<String, Object> body) {
        String id = routeId(who, "start-route", body);
        return run(who, "start-route", body, () -> {
            context.getRouteController().startRoute(id);
            return routeState(id);
        });
    }

    /** The console's own routes and the dead-letter store cannot be stopped from the console. */
    static boolean controllable(String routeId) {
        return !routeId.startsWith("console-") && !routeId.equals("dead-letter-store");
    }

    private Map<String, Object> routeState(String id) {
        ServiceStatus status = context.getRouteController().getRouteStatus(id);
        return Map.of("routeId", id, "status", status.name());
    }

    private String routeId(ConsoleSessions.Session who, String action, Map<String, Object> body) {
        Object id = body.get("routeId");
        if (id == null || context.getRoute(id.toString()) == null) {
            throw refuse(who, action, body, 404, "No route " + id + " in this bridge");
        }
        if (!controllable(id.toString())) {
            throw refuse(who, action, body, 400, "Route " + id + " keeps the console working and cannot be stopped here");
        }
        return id.toString();
    }

    private void routeNeeded(ConsoleSessions.Session who, String action, Map<String, Object> body, String route,
            String what) {
        if (context.getRoute(route) == null) {
            throw refuse(who, action, body, 409, what + " is not part of this bridge (no route " + route + ")");
        }
    }

    private LocalDate date(ConsoleSessions.Session who, String action, Map<String, Object> body, String key,
            boolean required) {
        Object v = body.get(key);
        if (v == null || v.toString().isBlank()) {
            if (required) {
                throw refuse(who, action, body, 400, "'" + key + "' is required, as yyyy-MM-dd");
            }
            return null;
        }
        try {
            return LocalDate.parse(v.toString().trim());
        } catch (DateTimeParseException e) {
            throw refuse(who, action, body, 400, "'" + key + "' must be a date yyyy-MM-dd, not '" + v + "'");
        }
    }

    private void range(ConsoleSessions.Session who, String action, Map<String, Object> body, LocalDate from,
            LocalDate to) {
        if (from == null || to == null) {
            throw refuse(who, action, body, 400, "give both 'from' and 'to' (yyyy-MM-dd), or neither");
        }
        if (to.isBefore(from)) {
            throw refuse(who, action, body, 400, "'to' is before 'from'");
        }
    }

    private ConsoleRefusal refuse(ConsoleSessions.Session who, String action, Map<String, Object> body, int status,
            String message) {
        log.record(who.username(), action, body, "FAILED", message);
        return new ConsoleRefusal(status, message);
    }

    private Object run(ConsoleSessions.Session who, String action, Map<String, Object> body, Step step) {
        try {
            Object result = step.run();
            if (result instanceof Map<?, ?> m && "FAILED".equals(String.valueOf(m.get("status")))) {
                throw new ActionFailed(result, String.valueOf(m.get("error")));
            }
            log.record(who.username(), action, body, "OK", null);
            return result == null ? Map.of("ok", true) : result;
        } catch (ActionFailed e) {
            log.record(who.username(), action, body, "FAILED", e.getMessage());
            return e.result;
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.record(who.username(), action, body, "FAILED", cause.getMessage());
            throw new ConsoleRefusal(cause instanceof IllegalArgumentException ? 400 : 502,
                    action + " failed: " + cause.getMessage());
        } catch (RuntimeException e) {
            log.record(who.username(), action, body, "FAILED", e.getMessage());
            throw new ConsoleRefusal(502, action + " failed: " + e.getMessage());
        } catch (Exception e) {
            log.record(who.username(), action, body, "FAILED", e.getMessage());
            throw new ConsoleRefusal(502, action + " failed: " + e.getMessage());
        }
    }

    /** One action's work. */
    @FunctionalInterface
    private interface Step {
        Object run() throws Exception;
    }

    /** The action ran and answered a failure (e.g. the connection test): logged FAILED, the answer kept. */
    private static final class ActionFailed extends RuntimeException {
        private final transient Object result;

        ActionFailed(Object result, String message) {
            super(message);
            this.result = result;
        }
    }
}
