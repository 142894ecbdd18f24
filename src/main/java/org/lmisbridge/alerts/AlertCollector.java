package org.lmisbridge.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.lmisbridge.dhis2.ConnectionCheck;
import org.lmisbridge.ops.SecretMasker;
import org.lmisbridge.sql.NamedSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers what went wrong since the last digest: dead letters and failed flow runs with ids above
 * the last ones reported (the marks start at the newest rows present when the bridge starts), and
 * a DHIS2 connection that became unreachable or started refusing the bridge's credentials (reported
 * once, again only after it recovered). {@link #collect} makes the digest mail or leaves the body null.
 */
public class AlertCollector {

    private static final Logger LOG = LoggerFactory.getLogger(AlertCollector.class);
    private static final int MAX_ROWS = 1000;
    private static final Set<String> CONNECTION_ALERTS = Set.of("UNREACHABLE", "WRONG_CREDENTIALS", "NOT_DHIS2");

    private final DataSource dataSource;
    private final ConnectionCheck connection;
    private final AlertSettings settings;
    private final NamedSql deadLetters = NamedSql.load("alerts-dead-letters-after");
    private final NamedSql failedRuns = NamedSql.load("alerts-failed-runs-after");
    private long deadLetterMark;
    private long flowRunMark;
    private boolean connectionReported;

    public AlertCollector(DataSource dataSource, ConnectionCheck connection, AlertSettings settings) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.settings = settings;
        Map<String, Object> marks = NamedSql.load("alerts-high-water").query(dataSource, Map.of()).get(0);
        deadLetterMark = ((Number) marks.get("dead_letter_id")).longValue();
        flowRunMark = ((Number) marks.get("flow_run_id")).longValue();
    }

    /** The body becomes the digest's text with Subject/To/From headers, or null when nothing is new. */
    public synchronized void collect(Exchange exchange) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setBody(null);
        AlertDigest digest = gather();
        if (digest.isEmpty() || settings.to().isEmpty()) {
            return;
        }
        out.setHeader("Subject", digest.subject(settings.subjectPrefix()));
        out.setHeader("To", String.join(", ", settings.to()));
        out.setHeader("From", settings.from());
        out.setHeader("Content-Type", "text/plain; charset=UTF-8");
        out.setBody(digest.text(settings.consoleUrl()));
        LOG.warn("Alert digest of {} problem(s) to {}", digest.count(), settings.to());
    }

    AlertDigest gather() {
        List<AlertDigest.Item> dead = new ArrayList<>();
        for (Map<String, Object> row : deadLetters.query(dataSource, Map.of("afterId", deadLetterMark, "limit", MAX_ROWS))) {
            dead.add(new AlertDigest.Item(instant(row.get("created_at")), (String) row.get("route_id"),
                    SecretMasker.mask(String.valueOf(row.get("reason")))));
            deadLetterMark = Math.max(deadLetterMark, ((Number) row.get("id")).longValue());
        }
        List<AlertDigest.Item> runs = new ArrayList<>();
        for (Map<String, Object> row : failedRuns.query(dataSource, Map.of("afterId", flowRunMark, "limit", MAX_ROWS))) {
            Object error = row.get("error");
            runs.add(new AlertDigest.Item(instant(row.get("finished_at") != null ? row.get("finished_at")
                    : row.get("started_at")), row.get("flow") + " (" + row.get("trigger") + ")",
                    error == null ? "failed" : SecretMasker.mask(error.toString())));
            flowRunMark = Math.max(flowRunMark, ((Number) row.get("id")).longValue());
        }
        return new AlertDigest(dead, runs, connectionProblem(), settings.shownPerKind());
    }

    private AlertDigest.Item connectionProblem() {
        ConnectionCheck.Status last = connection.last();
        if (last == null) {
            return null;
        }
        if (last.ok()) {
            connectionReported = false;
            return null;
        }
        if (connectionReported || last.failure() == null || !CONNECTION_ALERTS.contains(last.failure().kind().name())) {
            return null;
        }
        connectionReported = true;
        return new AlertDigest.Item(last.checkedAt(), last.failure().kind().name(),
                SecretMasker.mask(last.failure().message()));
    }

    private static Instant instant(Object t) {
        return t instanceof Timestamp ts ? ts.toInstant() : Instant.now();
    }
}
