package org.lmisbridge.consignments;

import org.lmisbridge.ops.DeadLetters;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.lmisbridge.sql.NamedSql;

/**
 * Starts and ends runs of the flow in {@code flow_run}: a scheduled run reads receipts updated since the watermark
 * (minus an overlap: receipts are applied once, so a refetch is harmless) and moves it only when the run succeeded;
 * a manual pull reads the range it is given and leaves the watermark alone.
 */
public class ConsignmentRuns {

    public static final String FLOW = "consignment-acknowledgement";
    static final String WATERMARK = "consignment-receipts";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final int overlapMinutes;
    private final NamedSql start = NamedSql.load("consignment-flow-run-start");
    private final NamedSql latest = NamedSql.load("consignment-flow-run-latest");
    private final NamedSql finish = NamedSql.load("consignment-flow-run-finish");
    private final NamedSql watermarkRead = NamedSql.load("consignment-watermark-read");
    private final NamedSql watermarkUpdate = NamedSql.load("consignment-watermark-update");
    private final NamedSql watermarkInsert = NamedSql.load("consignment-watermark-insert");

    public ConsignmentRuns(DataSource dataSource, int overlapMinutes) {
        this.dataSource = dataSource;
        this.overlapMinutes = overlapMinutes;
    }

    /**
     * Begins a run. The body may be a manual pull's request {@code {"from":"2026-11-01","to":"2026-11-30"}}
     * (dates or date-times, updatedAt of the receipts, both inclusive); otherwise the run follows the watermark.
     */
    public synchronized void start(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        String trigger = exchange.getMessage().getHeader("consignmentTrigger", "REPLAY", String.class);
        LocalDateTime after;
        LocalDateTime before = null;
        boolean movesWatermark;
        if (body instanceof Map<?, ?> request) {
            trigger = "MANUAL";
            after = date(request.get("from"), "from", false);
            before = date(request.get("to"), "to", true);
            if (after == null) {
                throw new IllegalArgumentException("'from' is required, e.g. {\"from\":\"2026-11-01\",\"to\":\"2026-11-30\"}");
            }
            if (before != null && before.isBefore(after)) {
                throw new IllegalArgumentException("'to' is before 'from'");
            }
            movesWatermark = false;
        } else {
            List<Map<String, Object>> rows = watermarkRead.query(dataSource, Map.of("name", WATERMARK));
            Object mark = rows.isEmpty() ? null : rows.get(0).get("value");
            after = mark instanceof Timestamp t ? t.toLocalDateTime().minusMinutes(overlapMinutes) : null;
            movesWatermark = true;
        }
        start.update(dataSource, Map.of("flow", FLOW, "trigger", trigger, "now", Instant.now()));
        long id = ((Number) latest.query(dataSource, Map.of("flow", FLOW)).get(0).get("id")).longValue();
        exchange.setProperty(ConsignmentRun.PROPERTY, new ConsignmentRun(id, trigger, after, before, movesWatermark));
        exchange.setProperty(ConsignmentRun.MORE_PAGES, true);
    }

    /**
     * The outcome of one receipt page (route consignment-receipt-page, called through {@code enrich} with
     * {@link org.lmisbridge.ops.CallOutcome}): a page given up on fails the run and ends the paging; otherwise the
     * paging goes on while the page was full.
     */
    public void pageOutcome(Exchange exchange, String givenUp) {
        ConsignmentRun run = exchange.getProperty(ConsignmentRun.PROPERTY, ConsignmentRun.class);
        if (givenUp != null) {
            run.gaveUp("receipt page " + run.page + " given up: " + givenUp);
            exchange.setProperty(ConsignmentRun.MORE_PAGES, false);
        } else {
            exchange.setProperty(ConsignmentRun.MORE_PAGES, run.morePages);
        }
    }

    /**
     * Ends the run: FAILED, with the reason, if a DHIS2 call was given up on (dead-lettered), and the watermark
     * stays; else SUCCESS and a scheduled run moves the watermark.
     */
    public Map<String, Object> finish(Exchange exchange) {
        ConsignmentRun run = exchange.getProperty(ConsignmentRun.PROPERTY, ConsignmentRun.class);
        String failure = run.failure();
        if (failure == null && exchange.getProperty(DeadLetters.DEAD_LETTERED, false, Boolean.class)) {
            failure = "a DHIS2 call failed after its retries: see dead_letter";
        }
        if (failure == null && run.movesWatermark && run.newestUpdatedAt != null) {
            Map<String, Object> p = Map.of("name", WATERMARK, "value", Timestamp.valueOf(run.newestUpdatedAt),
                    "now", Instant.now());
            watermarkInsert.update(dataSource, p);
            watermarkUpdate.update(dataSource, p);
        }
        return end(run, failure == null ? "SUCCESS" : "FAILED", failure);
    }

    /** Ends the run as FAILED with the error that stopped it. */
    public Map<String, Object> failed(Exchange exchange) {
        ConsignmentRun run = exchange.getProperty(ConsignmentRun.PROPERTY, ConsignmentRun.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String error = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (run == null) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("status", "FAILED");
            answer.put("error", error);
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, cause instanceof IllegalArgumentException ? 400 : 500);
            return answer;
        }
        return end(run, "FAILED", error);
    }

    private Map<String, Object> end(ConsignmentRun run, String status, String error) {
        String summary;
        try {
            summary = JSON.writeValueAsString(run.counts);
        } catch (JsonProcessingException e) {
            summary = run.counts.toString();
        }
        Map<String, Object> p = new HashMap<>();
        p.put("id", run.id);
        p.put("now", Instant.now());
        p.put("status", status);
        p.put("summary", summary);
        p.put("error", error == null ? null : error.length() > 4000 ? error.substring(0, 4000) : error);
        finish.update(dataSource, p);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("run", run.id);
        answer.put("status", status);
        answer.putAll(run.counts);
        if (error != null) {
            answer.put("error", error);
        }
        return answer;
    }

    private static LocalDateTime date(Object raw, String name, boolean endOfDay) {
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        String s = raw.toString().trim();
        try {
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                return endOfDay ? d.atTime(23, 59, 59, 999_000_000) : d.atStartOfDay();
            }
            return LocalDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' is not a date (yyyy-MM-dd) or date-time: " + s);
        }
    }
}
