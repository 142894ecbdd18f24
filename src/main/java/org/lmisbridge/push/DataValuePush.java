package org.lmisbridge.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.lmisbridge.ops.DeadLetters;
import org.lmisbridge.ops.SecretMasker;
import org.lmisbridge.sql.NamedSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the aggregate push routes (routes/datavalue-push.camel.yaml), bound as {@code datavaluePush}:
 * start a run (record it, stage the outbox), stream the batches, prepare each request, read each answer per value,
 * and finish the run with its report.
 */
public class DataValuePush {

    public static final String RUN = "pushRun";
    public static final String BATCH = "pushBatch";
    private static final String RELEASED = "pushBatchReleased";
    private static final Logger LOG = LoggerFactory.getLogger(DataValuePush.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final PushSettings settings;
    private final OutboxStaging staging;
    private final OutboxUpdates updates;
    private final DataValuePayload payload;
    private final NamedSql toSend = NamedSql.load("push-outbox-to-send");
    private final NamedSql runStart = NamedSql.load("push-flow-run-start");
    private final NamedSql runFinish = NamedSql.load("push-flow-run-finish");
    private final NamedSql deadLetter = NamedSql.load("push-dead-letter-insert");
    private final NamedSql requeue = NamedSql.load("push-outbox-requeue");

    public DataValuePush(DataSource dataSource, PushSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.staging = new OutboxStaging(dataSource, settings.mapping());
        this.updates = new OutboxUpdates(dataSource);
        this.payload = new DataValuePayload(settings.mapping().dataSet());
    }

    /**
     * Starts a run from the headers {@code pushFrom}, {@code pushTo} (ISO dates, default today), {@code pushDryRun}
     * and {@code pushTrigger}: records it in flow_run and stages the outbox. A non-production instance always
     * dry-runs.
     */
    public PushRun start(Exchange exchange) {
        LocalDate today = LocalDate.now(ZoneId.of(settings.timeZone()));
        LocalDate from = date(exchange.getMessage().getHeader("pushFrom", String.class), today);
        LocalDate to = date(exchange.getMessage().getHeader("pushTo", String.class), from.isAfter(today) ? from : today);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("pushTo " + to + " is before pushFrom " + from);
        }
        Boolean asked = exchange.getMessage().getHeader("pushDryRun", Boolean.class);
        boolean dryRun = !settings.production() || Boolean.TRUE.equals(asked);
        String trigger = exchange.getMessage().getHeader("pushTrigger", "manual", String.class);
        PushRun run = new PushRun(insertRun(trigger), trigger, from, to, dryRun, settings.parallelBatches());
        exchange.setProperty(RUN, run);
        run.staged(staging.stage(from, to));
        LOG.info("Push run {} ({}): staged {} for {}..{}{}", run.id(), trigger, run.report(), from, to,
                dryRun ? ", dry run" : "");
        return run;
    }

    /** The batches to send, as a stream the split reads one at a time. */
    public OutboxBatches batches(Exchange exchange) {
        PushRun run = exchange.getProperty(RUN, PushRun.class);
        Map<String, Object> p = new HashMap<>();
        p.put("status1", "PENDING");
        p.put("status2", "FAILED");
        p.put("status3", run.dryRun() ? "PENDING" : "DRY_RUN");
        p.put("maxAttempts", settings.maxAttempts());
        return new OutboxBatches(dataSource, toSend, p, run, payload, settings.maxValuesPerBatch(),
                settings.maxBatchBytes(), settings.fetchSize());
    }

    /** Turns the batch into the request: JSON body, POST, the import parameters. */
    public void prepare(Exchange exchange) {
        Batch batch = exchange.getMessage().getBody(Batch.class);
        PushRun run = exchange.getProperty(RUN, PushRun.class);
        exchange.setProperty(BATCH, batch);
        // a dead letter of this request, when replayed, starts a push run: the run sends what is still unsent
        exchange.setProperty(DeadLetters.REPLAY_URI, "direct:datavalue-push-run");
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader(Exchange.HTTP_QUERY, settings.importQuery(run.dryRun()));
        exchange.getMessage().setBody(batch.payload());
        run.batches.incrementAndGet();
        run.sent.addAndGet(batch.rows().size());
    }

    /**
     * Reads what DHIS2 answered (or why the request failed after its redeliveries) and writes each value's outcome.
     */
    public void answer(Exchange exchange) {
        PushRun run = exchange.getProperty(RUN, PushRun.class);
        Batch batch = exchange.getProperty(BATCH, Batch.class);
        if (batch == null) {
            return;
        }
        // DHIS2 has answered: the next batch may go while this one's outcomes are written
        release(exchange);
        // a post that succeeded after redeliveries still carries the caught exception: only a dead-lettered
        // (given up) or still failing exchange is a failure
        Throwable failure = exchange.getException();
        exchange.setException(null);
        if (failure == null && exchange.getProperty(DeadLetters.DEAD_LETTERED, false, Boolean.class)) {
            failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        if (failure != null) {
            undelivered(run, batch, failure);
            return;
        }
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = exchange.getMessage().getBody(String.class);
        ImportAnswer answer = ImportAnswer.read(status, body, batch.rows());
        run.ignored.addAndGet(answer.ignored());
        List<OutboxUpdates.Outcome> refused = new ArrayList<>();
        List<OutboxRow> accepted = new ArrayList<>();
        for (int i = 0; i < batch.rows().size(); i++) {
            OutboxRow row = batch.rows().get(i);
            ImportAnswer.Refusal r = answer.batchFailed() ? new ImportAnswer.Refusal("BATCH", answer.batchError())
                    : answer.refused().get(i);
            if (r == null) {
                accepted.add(row);
            } else {
                refused.add(new OutboxUpdates.Outcome(row, r.errorCode(), r.message()));
            }
        }
        if (answer.batchFailed()) {
            LOG.warn("Push {}: DHIS2 refused the whole {}: {}", run.id(), batch, answer.batchError());
        }
        if (run.dryRun()) {
            List<OutboxUpdates.Outcome> all = new ArrayList<>(refused);
            accepted.forEach(r -> all.add(new OutboxUpdates.Outcome(r, null, null)));
            run.dryRunValues.addAndGet(updates.dryRun(all));
            run.failed.addAndGet(refused.size());
            return;
        }
        run.posted.addAndGet(updates.posted(accepted, batch.readAt()));
        fail(run, batch, refused, status);
    }

    private void undelivered(PushRun run, Batch batch, Throwable failure) {
        int status = httpStatus(failure);
        String reason = SecretMasker.mask(status > 0 ? "HTTP " + status + " from DHIS2"
                : failure.getClass().getSimpleName() + ": " + failure.getMessage());
        if (status == 401 || status == 403) {
            run.stop("DHIS2 answered " + status + ": check the credentials and the user's authorities; "
                    + "the run stopped and no attempt was counted");
            run.notSent.addAndGet(batch.rows().size());
            run.sent.addAndGet(-batch.rows().size());
            LOG.error("ALERT push run {} stopped: DHIS2 answered {} to {}", run.id(), status, batch);
            return;
        }
        LOG.warn("Push {}: {} not delivered: {}", run.id(), batch, reason);
        if (run.dryRun()) {
            run.notSent.addAndGet(batch.rows().size());
            return;
        }
        List<OutboxUpdates.Outcome> all = new ArrayList<>();
        batch.rows().forEach(r -> all.add(new OutboxUpdates.Outcome(r, status > 0 ? "HTTP" + status : "IO", reason)));
        fail(run, batch, all, status);
    }

    private void fail(PushRun run, Batch batch, List<OutboxUpdates.Outcome> refused, int httpStatus) {
        if (refused.isEmpty()) {
            return;
        }
        updates.failed(refused, settings.maxAttempts());
        List<OutboxUpdates.Outcome> dead = refused.stream()
                .filter(o -> o.row().attempts() + 1 >= settings.maxAttempts()).toList();
        run.failed.addAndGet(refused.size() - dead.size());
        if (!dead.isEmpty()) {
            run.dead.addAndGet(dead.size());
            recordDead(run, batch, dead, httpStatus);
        }
    }

    private void recordDead(PushRun run, Batch batch, List<OutboxUpdates.Outcome> dead, int httpStatus) {
        List<Long> ids = dead.stream().map(o -> o.row().id()).toList();
        List<byte[]> values = dead.stream().map(o -> payload.value(o.row())).toList();
        String body = "{\"ids\":" + ids + ",\"payload\":" + new String(payload.batch(values), StandardCharsets.UTF_8)
                + "}";
        String reason = dead.size() + " value(s) dead after " + settings.maxAttempts() + " attempts, last: "
                + dead.get(0).errorCode() + " " + dead.get(0).error();
        Map<String, Object> p = new HashMap<>();
        p.put("reason", reason.length() > 4000 ? reason.substring(0, 4000) : reason);
        p.put("httpStatus", httpStatus > 0 ? httpStatus : null);
        p.put("body", body);
        p.put("attempts", settings.maxAttempts());
        p.put("now", Instant.now());
        deadLetter.update(dataSource, p);
        LOG.error("Push run {}: {} from {} dead-lettered: {}", run.id(), dead.size(), batch, reason);
    }

    /** Frees the batch's place in flight (once), whatever happened to it. */
    public void release(Exchange exchange) {
        if (exchange.getProperty(RELEASED) == null) {
            exchange.setProperty(RELEASED, true);
            exchange.getProperty(RUN, PushRun.class).inFlight().release();
        }
    }

    /** Records the end of the run in flow_run and answers its report. */
    public Map<String, Object> finish(Exchange exchange) {
        PushRun run = exchange.getProperty(RUN, PushRun.class);
        Map<String, Object> report = run.report();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", run.id());
        p.put("now", Instant.now());
        p.put("status", run.stopped() ? "FAILED" : "SUCCESS");
        p.put("summary", json(report));
        p.put("error", run.stopReason());
        runFinish.update(dataSource, p);
        LOG.info("Push run {} finished: {}", run.id(), report);
        return report;
    }

    /** Records a run that failed before or while sending (e.g. the database). */
    public Map<String, Object> failed(Exchange exchange) {
        PushRun run = exchange.getProperty(RUN, PushRun.class);
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String error = t == null ? "unknown" : SecretMasker.mask(t.getClass().getSimpleName() + ": " + t.getMessage());
        if (run == null) {
            LOG.error("Push run could not start: {}", error);
            return Map.of("status", "FAILED", "error", error);
        }
        run.stop(error);
        return finish(exchange);
    }

    /** The replay of a push dead letter: its values go out again on the next run, with fresh attempts. */
    public int requeue(Exchange exchange) throws JsonProcessingException {
        String body = exchange.getMessage().getBody(String.class);
        int n = 0;
        for (var id : JSON.readTree(body).path("ids")) {
            n += requeue.update(dataSource, Map.of("id", id.asLong(), "now", Instant.now()));
        }
        LOG.info("{} dead value(s) set PENDING again", n);
        return n;
    }

    private long insertRun(String trigger) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(runStart.jdbcSql(), new String[] {"id"})) {
            ps.setString(1, trigger.length() > 30 ? trigger.substring(0, 30) : trigger);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL " + runStart.name() + " failed: " + e.getMessage(), e);
        }
    }

    private static int httpStatus(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                return http.getStatusCode();
            }
        }
        return 0;
    }

    private static LocalDate date(String text, LocalDate fallback) {
        return text == null || text.isBlank() ? fallback : LocalDate.parse(text.trim());
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            return String.valueOf(o);
        }
    }
}
