package org.lmisbridge.requisitions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.sql.Types;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.lmisbridge.requisitions.FetchRun.PullRange;
import org.lmisbridge.sql.NamedSql;
import org.slf4j.Logger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.slf4j.LoggerFactory;

/**
 * The steps of routes/requisition-fetch.camel.yaml: begin a run (flow_run row, the start of the cursor, the store and
 * item mappings), say what to ask DHIS2 for the next page, import each page as it comes, and end the run with its
 * counts. One run at a time in a bridge: a trigger while a run is going answers ALREADY_RUNNING.
 */
public class RequisitionFetch {

    /** Exchange property holding the {@link FetchRun}. */
    public static final String RUN = "requisitionRun";
    /** Exchange property the route's loop reads: true while pages remain. */
    public static final String MORE = "requisitionMore";
    /** Header naming what started the run: schedule, manual or pull. */
    public static final String TRIGGER = "requisitionTrigger";
    /** Exchange property holding the {@link PullRange} of a manual pull. */
    public static final String RANGE = "requisitionPullRange";

    private static final Logger LOG = LoggerFactory.getLogger(RequisitionFetch.class);
    private static final DateTimeFormatter DHIS2_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final String FIELDS = "event,status,orgUnit,occurredAt,updatedAt,dataValues[dataElement,value]";

    private final RequisitionSettings settings;
    private final DataSource dataSource;
    private final RequisitionWriter writer;
    private final AtomicBoolean running = new AtomicBoolean();
    private final NamedSql runStart = NamedSql.load("requisition-run-start");
    private final NamedSql runFinish = NamedSql.load("requisition-run-finish");
    private final NamedSql watermarkRead = NamedSql.load("requisition-watermark-read");
    private final NamedSql stores = NamedSql.load("requisition-stores");
    private final NamedSql items = NamedSql.load("requisition-items");
    private final TxSql sql;

    public RequisitionFetch(RequisitionSettings settings, DataSource dataSource, JdbcMessageIdRepository marks) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.writer = new RequisitionWriter(dataSource, marks);
        this.sql = new TxSql(new JdbcTemplate(dataSource));
    }

    /** Starts a run: records it, reads the watermark and the LMIS mappings, and places the cursor. */
    public void begin(Exchange exchange) {
        if (!running.compareAndSet(false, true)) {
            exchange.setProperty(MORE, false);
            exchange.removeProperty(RUN);
            return;
        }
        try {
            PullRange range = exchange.getProperty(RANGE, PullRange.class);
            String trigger = exchange.getIn().getHeader(TRIGGER, range == null ? "manual" : "pull", String.class);
            long id = sql.insert(runStart, Map.of("trigger", trigger));
            FetchCursor start = FetchCursor.startingAt(range == null ? incrementalStart() : null);
            FetchRun run = new FetchRun(id, trigger, range, start,
                    new OrderLineMapper(settings, storesByOrgUnit(), itemsByCode()));
            exchange.setProperty(RUN, run);
            exchange.setProperty(MORE, run.hasMorePages());
            LOG.info("Requisition fetch run {} ({}) starts at updatedAfter={}{}", id, trigger, start.updatedAfter(),
                    range == null ? "" : ", orders from " + range.from() + " to " + range.to());
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    /** The query string of the next {@code GET /api/tracker/events}. */
    public String nextQuery(Exchange exchange) {
        FetchRun run = exchange.getProperty(RUN, FetchRun.class);
        FetchCursor cursor = run.cursor();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("program", settings.program());
        q.put("programStage", settings.programStage());
        q.put("status", "COMPLETED");
        settings.orgUnit().ifPresent(ou -> q.put("orgUnit", ou));
        q.put("orgUnitMode", settings.orgUnitMode());
        if (cursor.updatedAfter() != null) {
            q.put("updatedAfter", DHIS2_TIME.format(cursor.updatedAfter()));
        }
        if (run.range() != null) {
            q.put("occurredAfter", run.range().from().toString());
            q.put("occurredBefore", run.range().to().atTime(23, 59, 59, 999_000_000).format(DHIS2_TIME));
        }
        q.put("order", "updatedAt:asc");
        q.put("fields", FIELDS);
        q.put("page", String.valueOf(cursor.page()));
        q.put("pageSize", String.valueOf(settings.pageSize()));
        StringBuilder s = new StringBuilder();
        q.forEach((k, v) -> {
            if (s.length() > 0) {
                s.append('&');
            }
            s.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return s.toString();
    }

    /** Reads the answer (a stream) and imports it in one transaction; then moves the cursor. */
    public void importPage(Exchange exchange) throws IOException {
        FetchRun run = exchange.getProperty(RUN, FetchRun.class);
        EventPage page;
        try (InputStream in = exchange.getIn().getMandatoryBody(InputStream.class)) {
            page = EventPageReader.read(in, settings.pageSize());
        } catch (InvalidPayloadException e) {
            throw new IOException("No answer body from DHIS2", e);
        }
        writer.write(run, page);
        run.advance(page);
        exchange.setProperty(MORE, run.hasMorePages());
        exchange.getIn().setBody(null);
    }

    /**
     * The outcome of one page (route requisition-fetch-page, called through {@code enrich} with
     * {@link org.lmisbridge.ops.CallOutcome}): a page given up on fails the run and stops it; otherwise the run goes on
     * while pages remain.
     */
    public void pageOutcome(Exchange exchange, String givenUp) {
        FetchRun run = exchange.getProperty(RUN, FetchRun.class);
        if (givenUp != null) {
            run.fail(givenUp);
            exchange.setProperty(MORE, false);
        } else {
            exchange.setProperty(MORE, run.hasMorePages());
        }
    }

    /** Something other than a page failed (the run's own steps): the run stops here, failed. */
    public void failed(Exchange exchange) {
        FetchRun run = exchange.getProperty(RUN, FetchRun.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (run != null) {
            run.fail(cause == null ? "failed" : cause.toString());
        }
        exchange.setProperty(MORE, false);
    }

    /** Ends the run: status and counts in flow_run; the body becomes the summary for the caller. */
    public Map<String, Object> finish(Exchange exchange) {
        FetchRun run = exchange.getProperty(RUN, FetchRun.class);
        if (run == null) {
            return Map.of("status", "ALREADY_RUNNING");
        }
        try {
            String status = run.error() == null ? "SUCCESS" : "FAILED";
            Map<String, Object> v = new HashMap<>();
            v.put("id", run.id());
            v.put("status", status);
            v.put("summary", RequisitionWriter.summaryJson(run.counts()));
            v.put("error", new SqlParameterValue(Types.VARCHAR, run.error() == null ? null : truncate(run.error(), 4000)));
            sql.update(runFinish, v);
            LOG.info("Requisition fetch run {} {}: {}", run.id(), status, run.counts().asMap());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("run", run.id());
            answer.put("trigger", run.trigger());
            answer.put("status", status);
            answer.putAll(run.counts().asMap());
            if (run.error() != null) {
                answer.put("error", run.error());
            }
            return answer;
        } finally {
            exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
            running.set(false);
        }
    }

    /** Checks the body of {@code POST /api/requisitions/pull}: {@code {"from":"2026-11-01","to":"2026-11-30"}}. */
    public PullRange pullRange(Map<String, Object> body) {
        if (body == null) {
            throw new IllegalArgumentException("a pull needs a JSON body {\"from\":\"yyyy-MM-dd\",\"to\":\"yyyy-MM-dd\"}");
        }
        return new PullRange(date(body, "from"), date(body, "to"));
    }

    private static LocalDate date(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (v == null) {
            return null;
        }
        try {
            String s = v.toString().trim();
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + key + "\" is not a date yyyy-MM-dd: " + v);
        }
    }

    private LocalDateTime incrementalStart() {
        List<Map<String, Object>> rows = sql.query(watermarkRead, Map.of());
        Object value = rows.isEmpty() ? null : rows.get(0).values().iterator().next();
        if (value == null) {
            return settings.firstRunFrom().map(LocalDate::atStartOfDay).orElse(null);
        }
        return RequisitionWriter.toLocalDateTime(value).minusMinutes(settings.overlapMinutes());
    }

    private Map<String, StoreRef> storesByOrgUnit() {
        Map<String, StoreRef> out = new HashMap<>();
        for (Map<String, Object> row : stores.query(dataSource, Map.of())) {
            Object supplying = row.get("supplying_store_id");
            out.put((String) row.get("org_unit_uid"), new StoreRef(((Number) row.get("id")).longValue(),
                    (String) row.get("code"), supplying == null ? null : ((Number) supplying).longValue()));
        }
        return out;
    }

    private Map<String, Long> itemsByCode() {
        Map<String, Long> out = new HashMap<>();
        for (Map<String, Object> row : items.query(dataSource, Map.of())) {
            Object code = row.get(settings.itemReference());
            if (code != null && !code.toString().isBlank()) {
                out.putIfAbsent(code.toString().trim(), ((Number) row.get("id")).longValue());
            }
        }
        return out;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
