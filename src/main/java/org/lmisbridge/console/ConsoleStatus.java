package org.lmisbridge.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.lmisbridge.dhis2.ConnectionCheck;
import org.lmisbridge.sql.NamedSql;

/**
 * What the console shows, read from the tables and the running Camel context: each flow's last run
 * and next scheduled run and state, the outbox by status, the DHIS2 connection, dead letters,
 * rejected inputs, the not-mapped list and the operator log.
 */
public class ConsoleStatus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CamelContext context;
    private final DataSource dataSource;
    private final ConnectionCheck connection;
    private final OperatorLog log;
    private final ConsoleActions actions;
    private final int maxRows;
    private final NamedSql lastRuns = NamedSql.load("console-flow-last-runs");
    private final NamedSql outbox = NamedSql.load("console-outbox-by-status");
    private final NamedSql outboxFailures = NamedSql.load("console-outbox-failures");
    private final NamedSql problems = NamedSql.load("console-open-problems");
    private final NamedSql deadLetters = NamedSql.load("console-dead-letters");
    private final NamedSql rejected = NamedSql.load("console-rejected-inputs");
    private final NamedSql notMapped = NamedSql.load("console-not-mapped");

    public ConsoleStatus(CamelContext context, DataSource dataSource, ConnectionCheck connection, OperatorLog log,
            ConsoleActions actions, int maxRows) {
        this.context = context;
        this.dataSource = dataSource;
        this.connection = connection;
        this.log = log;
        this.actions = actions;
        this.maxRows = maxRows;
    }

    /** GET /console/api/status */
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", Instant.now().toString());
        out.put("connection", connection.describe());
        out.put("problems", problems.query(dataSource, Map.of()).get(0));
        out.put("flows", flows());
        Map<String, Object> box = new TreeMap<>();
        for (String s : List.of("PENDING", "POSTED", "FAILED", "DEAD", "DRY_RUN")) {
            box.put(s, 0);
        }
        for (Map<String, Object> row : outbox.query(dataSource, Map.of())) {
            box.put((String) row.get("status"), ((Number) row.get("values_count")).longValue());
        }
        out.put("outbox", box);
        out.put("outboxFailures", outboxFailures.query(dataSource, Map.of("limit", Math.min(maxRows, 50))));
        out.put("actions", actions.available());
        out.put("routes", routes());
        return out;
    }

    /** Each flow: from its schedule route (cron, next run, state) and its latest flow_run row. */
    public List<Map<String, Object>> flows() {
        Map<String, Map<String, Object>> flows = new TreeMap<>();
        Instant now = Instant.now();
        for (Route route : context.getRoutes()) {
            if (route.getEndpoint() instanceof QuartzEndpoint quartz) {
                Object zone = quartz.getTriggerParameters() == null ? null : quartz.getTriggerParameters().get("timeZone");
                FlowSchedule schedule = new FlowSchedule(route.getRouteId(), quartz.getCron(),
                        zone == null ? null : zone.toString());
                Map<String, Object> f = flow(flows, schedule.flow());
                f.put("scheduleRoute", route.getRouteId());
                f.put("cron", schedule.cron());
                f.put("timeZone", schedule.timeZone() == null ? "UTC" : schedule.timeZone());
                boolean started = context.getRouteController().getRouteStatus(route.getRouteId()).isStarted();
                f.put("state", started ? "SCHEDULED" : "SCHEDULE_STOPPED");
                f.put("nextRun", started ? schedule.nextAfter(now).map(Instant::toString).orElse(null) : null);
            }
        }
        for (Map<String, Object> run : lastRuns.query(dataSource, Map.of())) {
            Map<String, Object> f = flow(flows, (String) run.get("flow"));
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("id", run.get("id"));
            last.put("trigger", run.get("trigger"));
            last.put("status", run.get("status"));
            last.put("startedAt", instant(run.get("started_at")));
            last.put("finishedAt", instant(run.get("finished_at")));
            last.put("durationMs", durationMs(run.get("started_at"), run.get("finished_at")));
            last.put("counts", counts(run.get("summary")));
            last.put("error", run.get("error"));
            f.put("lastRun", last);
        }
        for (Map<String, Object> f : flows.values()) {
            String id = (String) f.get("flow");
            if (context.getRoute(id) != null) {
                f.put("routeState", context.getRouteController().getRouteStatus(id).name());
            }
            f.putIfAbsent("state", "ON_DEMAND");
        }
        return new ArrayList<>(flows.values());
    }

    /** Every route and its status, for stop/start. */
    public List<Map<String, Object>> routes() {
        List<Map<String, Object>> out = new ArrayList<>();
        context.getRoutes().stream().map(Route::getRouteId).sorted().forEach(id -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", id);
            r.put("status", context.getRouteController().getRouteStatus(id).name());
            r.put("controllable", ConsoleActions.controllable(id));
            out.add(r);
        });
        return out;
    }

    /** GET /console/api/dead-letters?status=&route=&q= */
    public List<Map<String, Object>> deadLetters(String status, String route, String q) {
        return deadLetters.query(dataSource, Map.of("status", upper(status), "route", text(route),
                "pattern", pattern(q), "limit", maxRows));
    }

    /** GET /console/api/rejected-inputs?status=&flow=&q= */
    public List<Map<String, Object>> rejectedInputs(String status, String flow, String q) {
        return rejected.query(dataSource, Map.of("status", upper(status), "flow", text(flow),
                "pattern", pattern(q), "limit", maxRows));
    }

    /** GET /console/api/not-mapped */
    public List<Map<String, Object>> notMapped() {
        return notMapped.query(dataSource, Map.of("limit", maxRows));
    }

    /** GET /console/api/operator-actions */
    public List<Map<String, Object>> operatorActions() {
        return log.latest(Math.min(maxRows, 100));
    }

    private static Map<String, Object> flow(Map<String, Map<String, Object>> flows, String name) {
        return flows.computeIfAbsent(name, n -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("flow", n);
            return f;
        });
    }

    static Object counts(Object summary) {
        if (summary == null) {
            return Map.of();
        }
        try {
            JsonNode n = JSON.readTree(summary.toString());
            return n.isObject() ? JSON.convertValue(n, Map.class) : Map.of("summary", summary.toString());
        } catch (Exception e) {
            return Map.of("summary", summary.toString());
        }
    }

    private static String instant(Object t) {
        return t instanceof Timestamp ts ? ts.toInstant().toString() : t == null ? null : t.toString();
    }

    private static Long durationMs(Object started, Object finished) {
        if (started instanceof Timestamp s && finished instanceof Timestamp f) {
            return Duration.between(s.toInstant(), f.toInstant()).toMillis();
        }
        return null;
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    private static String upper(String s) {
        return text(s).toUpperCase(Locale.ROOT);
    }

    static String pattern(String q) {
        String t = text(q).toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return "";
        }
        return "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
