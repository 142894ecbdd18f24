package org.lmisbridge.requisitions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.lmisbridge.sql.NamedSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one page of order events in ONE database transaction: the requisitions and their lines, the events set
 * aside, the idempotency marks in Camel's {@link JdbcMessageIdRepository} (table camel_messageprocessed, processor
 * name {@code requisition-fetch}), the watermark and the run's counts. The repository's own transactions are
 * PROPAGATION_REQUIRED on the same DataSource, so they join this one: a mark exists exactly when the rows it stands
 * for exist. A crash anywhere in a page rolls all of it back, and the page is fetched again from the unmoved
 * watermark.
 *
 * <p>Two marks per event: its UID once it is imported (requisition_line.source_event_uid is unique as well), and
 * {@code UID@updatedAt} for every version decided (imported, set aside or reviewed). A version already decided is
 * skipped (refetches and overlaps); a new version of an imported event is recorded for review, never applied; a new
 * version of an event that was set aside is checked again, so a corrected order goes through.
 */
final class RequisitionWriter {

    static final String PROCESSOR = "requisition-fetch";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TransactionTemplate transactions;
    private final JdbcMessageIdRepository marks;
    private final TxSql sql;
    private final NamedSql openByReference = NamedSql.load("requisition-open-by-reference");
    private final NamedSql openByDay = NamedSql.load("requisition-open-by-day");
    private final NamedSql insertRequisition = NamedSql.load("requisition-insert");
    private final NamedSql insertLine = NamedSql.load("requisition-line-insert");
    private final NamedSql requisitionOfEvent = NamedSql.load("requisition-of-event");
    private final NamedSql insertRejected = NamedSql.load("requisition-rejected-insert");
    private final NamedSql runProgress = NamedSql.load("requisition-run-progress");
    private final NamedSql watermarkRead = NamedSql.load("requisition-watermark-read");
    private final NamedSql watermarkUpdate = NamedSql.load("requisition-watermark-update");
    private final NamedSql watermarkInsert = NamedSql.load("requisition-watermark-insert");

    RequisitionWriter(DataSource dataSource, JdbcMessageIdRepository marks) {
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.marks = marks;
        this.sql = new TxSql(new JdbcTemplate(dataSource));
    }

    /** Imports a page, moves the watermark (incremental runs) and records the counts, all or nothing. */
    void write(FetchRun run, EventPage page) {
        RunCounts before = copy(run.counts());
        try {
            transactions.executeWithoutResult(status -> writeInTransaction(run, page));
        } catch (RuntimeException e) {
            restore(run.counts(), before);
            throw e;
        }
    }

    private void writeInTransaction(FetchRun run, EventPage page) {
        RunCounts counts = run.counts();
        counts.pages++;
        Map<RequisitionKey, Long> requisitions = new HashMap<>();
        LocalDateTime latest = null;
        for (OrderEvent e : page.events()) {
            if (run.inPreviousPage(e)) {
                continue;
            }
            counts.fetched++;
            if (latest == null || e.updatedAt().isAfter(latest)) {
                latest = e.updatedAt();
            }
            if (marks.contains(e.versionKey())) {
                counts.alreadySeen++;
                continue;
            }
            if (marks.contains(e.uid())) {
                review(e);
                marks.add(e.versionKey());
                counts.changedAfterImport++;
                continue;
            }
            OrderLineMapper.Result result = run.mapper().map(e);
            if (result.rejection() != null) {
                reject(e, result.rejection());
                counts.rejected(result.rejection());
            } else {
                OrderLine line = result.line();
                Long requisitionId = requisitions.get(line.key());
                if (requisitionId == null) {
                    requisitionId = findOpen(line.key());
                    if (requisitionId == null) {
                        requisitionId = create(line);
                        counts.requisitionsCreated++;
                    }
                    requisitions.put(line.key(), requisitionId);
                }
                Map<String, Object> v = new HashMap<>();
                v.put("requisitionId", requisitionId);
                v.put("itemId", line.itemId());
                v.put("requestedQuantity", line.requestedQuantity());
                v.put("stockOnHandReported", new SqlParameterValue(Types.BIGINT, line.stockOnHandReported()));
                v.put("sourceEventUid", e.uid());
                sql.update(insertLine, v);
                marks.add(e.uid());
                counts.imported++;
            }
            marks.add(e.versionKey());
        }
        if (run.movesWatermark() && latest != null) {
            moveWatermark(latest);
        }
        sql.update(runProgress, Map.of("id", run.id(), "summary", summaryJson(counts)));
    }

    private Long findOpen(RequisitionKey key) {
        List<Map<String, Object>> rows = key.byReference()
                ? sql.query(openByReference, Map.of("customerStoreId", key.customerStoreId(),
                        "orderReference", key.orderReference()))
                : sql.query(openByDay, Map.of("customerStoreId", key.customerStoreId(), "requestedOn", key.day()));
        return rows.isEmpty() ? null : ((Number) rows.get(0).values().iterator().next()).longValue();
    }

    private long create(OrderLine line) {
        Map<String, Object> v = new HashMap<>();
        v.put("requisitionNumber", "DHIS2-" + line.event().uid());
        v.put("supplyingStoreId", line.supplyingStoreId());
        v.put("customerStoreId", line.key().customerStoreId());
        v.put("orderReference", new SqlParameterValue(Types.VARCHAR, line.key().orderReference()));
        v.put("requestedOn", line.requestedOn());
        return sql.insert(insertRequisition, v);
    }

    private void review(OrderEvent e) {
        List<Map<String, Object>> rows = sql.query(requisitionOfEvent, Map.of("eventUid", e.uid()));
        String requisition = rows.isEmpty() ? "an earlier requisition"
                : "requisition " + rows.get(0).values().iterator().next();
        reject(e, "changed after import: the event was updated in DHIS2 (updatedAt " + e.updatedAt()
                + ") after it was imported into " + requisition + "; the change was not applied, review it");
    }

    private void reject(OrderEvent e, String reason) {
        sql.update(insertRejected, Map.of("eventUid", e.uid(), "reason", reason, "payload", payload(e)));
    }

    private void moveWatermark(LocalDateTime latest) {
        List<Map<String, Object>> rows = sql.query(watermarkRead, Map.of());
        if (rows.isEmpty()) {
            sql.update(watermarkInsert, Map.of("value", latest));
            return;
        }
        Object current = rows.get(0).get(rows.get(0).keySet().iterator().next());
        LocalDateTime now = current == null ? null : toLocalDateTime(current);
        if (now == null || latest.isAfter(now)) {
            sql.update(watermarkUpdate, Map.of("value", latest));
        }
    }

    static LocalDateTime toLocalDateTime(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof LocalDateTime t) {
            return t;
        }
        throw new IllegalStateException("Unexpected watermark value " + value);
    }

    static String summaryJson(RunCounts counts) {
        try {
            return JSON.writeValueAsString(counts.asMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String payload(OrderEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", e.uid());
        m.put("status", e.status());
        m.put("orgUnit", e.orgUnit());
        m.put("occurredAt", String.valueOf(e.occurredOn()));
        m.put("updatedAt", String.valueOf(e.updatedAt()));
        m.put("dataValues", e.values());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static RunCounts copy(RunCounts c) {
        RunCounts r = new RunCounts();
        restore(r, c);
        return r;
    }

    private static void restore(RunCounts to, RunCounts from) {
        to.pages = from.pages;
        to.fetched = from.fetched;
        to.imported = from.imported;
        to.requisitionsCreated = from.requisitionsCreated;
        to.alreadySeen = from.alreadySeen;
        to.rejected = from.rejected;
        to.changedAfterImport = from.changedAfterImport;
        to.rejectedByReason.clear();
        to.rejectedByReason.putAll(from.rejectedByReason);
    }
}
