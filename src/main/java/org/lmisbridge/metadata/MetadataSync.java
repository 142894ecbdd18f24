package org.lmisbridge.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.lmisbridge.sql.NamedSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the {@code metadata-sync} route. Pages are staged as they arrive (tables
 * {@code *_staging}); only when every page of org units and users is in, {@link #apply} updates the
 * replica, the users, the LMIS accounts and the store check in ONE transaction. A run that fails
 * half-way changes nothing but its own {@code flow_run} row (FAILED, with the reason).
 */
public class MetadataSync {

    public static final String FLOW = "metadata-sync";
    private static final Logger LOG = LoggerFactory.getLogger(MetadataSync.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN_ID = "metadataRunId";
    private static final String TOTAL = "metadataTotal";

    private final DataSource dataSource;
    private final StoreHierarchy.MatchBy matchBy;
    private final int facilityLevel;
    private final AtomicBoolean running = new AtomicBoolean();

    public MetadataSync(DataSource dataSource, StoreHierarchy.MatchBy matchBy, int facilityLevel) {
        this.dataSource = dataSource;
        this.matchBy = matchBy;
        this.facilityLevel = facilityLevel;
    }

    /** Opens the run (one at a time), records it in flow_run and empties the staging tables. */
    public void start(Exchange exchange) {
        if (!running.compareAndSet(false, true)) {
            throw new AlreadyRunningException();
        }
        try {
            open(exchange);
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    /** A second sync while one runs is refused (POST /api/metadata/sync answers 409). */
    public static final class AlreadyRunningException extends IllegalStateException {
        AlreadyRunningException() {
            super("A metadata sync is already running");
        }
    }

    private void open(Exchange exchange) {
        String trigger = exchange.getMessage().getHeader("metadataTrigger", "on-demand", String.class);
        Map<String, Object> values = new HashMap<>();
        values.put("flow", FLOW);
        values.put("trigger", trigger);
        values.put("now", Instant.now());
        long runId = sql("metadata-run-start").insertReturningId(dataSource, values);
        exchange.setProperty(RUN_ID, runId);
        for (String clear : List.of("metadata-staging-clear-user-org-units", "metadata-staging-clear-users",
                "metadata-staging-clear-org-units")) {
            sql(clear).update(dataSource, Map.of());
        }
        firstPage(exchange);
        LOG.info("Metadata sync {} started ({})", runId, trigger);
    }

    /** Paging starts over at page 1 (before org units, then before users). */
    public void firstPage(Exchange exchange) {
        exchange.setProperty("page", 1);
        exchange.setProperty("pageCount", 1);
    }

    public void stageOrgUnits(Exchange exchange) {
        Dhis2Page page = Dhis2Page.orgUnits(Dhis2Page.read(exchange.getMessage().getBody(java.io.InputStream.class)));
        stage(page, "metadata-stage-org-unit", null);
        next(exchange, page, "orgUnits");
    }

    public void stageUsers(Exchange exchange) {
        Dhis2Page page = Dhis2Page.users(Dhis2Page.read(exchange.getMessage().getBody(java.io.InputStream.class)));
        stage(page, "metadata-stage-user", "metadata-stage-user-org-unit");
        next(exchange, page, "users");
    }

    private void stage(Dhis2Page page, String rowSql, String assignmentSql) {
        inTransaction(c -> {
            NamedSql rows = sql(rowSql);
            for (Map<String, Object> row : page.rows()) {
                rows.update(c, row);
            }
            if (assignmentSql != null) {
                NamedSql assignments = sql(assignmentSql);
                for (Map<String, Object> a : page.userOrgUnits()) {
                    assignments.update(c, a);
                }
            }
            return null;
        });
    }

    private static void next(Exchange exchange, Dhis2Page page, String what) {
        exchange.setProperty("pageCount", page.pageCount());
        exchange.setProperty("page", page.page() + 1);
        exchange.setProperty(TOTAL + "." + what, page.total());
    }

    /** Everything is in: apply it in one transaction and close the run as SUCCESS. */
    public Map<String, Object> apply(Exchange exchange) {
        try {
            int orgUnits = staged("metadata-staged-org-unit-count", exchange, "orgUnits");
            if (orgUnits == 0) {
                throw new IllegalStateException("DHIS2 listed no organisation units; the replica is left as it was");
            }
            int users = staged("metadata-staged-user-count", exchange, "users");
            Map<String, Object> summary = inTransaction(c -> applyIn(c, orgUnits, users));
            return finish(exchange, "SUCCESS", summary, null);
        } finally {
            running.set(false);
        }
    }

    private int staged(String countSql, Exchange exchange, String what) {
        int staged = ((Number) sql(countSql).query(dataSource, Map.of()).get(0).get("n")).intValue();
        Integer total = exchange.getProperty(TOTAL + "." + what, Integer.class);
        if (total != null && total != staged) {
            throw new IllegalStateException("DHIS2 listed " + total + " " + what + " but " + staged
                    + " arrived over the pages (changed during the sync?); the replica is left as it was");
        }
        return staged;
    }

    private Map<String, Object> applyIn(Connection c, int orgUnits, int users) throws SQLException {
        Map<String, Object> now = Map.of("now", Instant.now());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("orgUnits", orgUnits);
        summary.put("orgUnitsAdded", sql("org-unit-insert-from-staging").update(c, now));
        sql("org-unit-update-from-staging").update(c, now);
        summary.put("orgUnitsRemoved", sql("org-unit-mark-removed").update(c, now));
        summary.put("users", users);
        summary.put("usersAdded", sql("dhis2-user-insert-from-staging").update(c, now));
        sql("dhis2-user-update-from-staging").update(c, now);
        summary.put("usersGone", sql("dhis2-user-disable-missing").update(c, now));
        sql("dhis2-user-org-unit-delete-staged").update(c, Map.of());
        sql("dhis2-user-org-unit-insert-from-staging").update(c, Map.of());
        summary.put("accountsCreated", sql("lmis-account-insert-from-users").update(c, now));
        sql("lmis-account-update-from-users").update(c, now);
        summary.putAll(new StoreCheck(matchBy, facilityLevel).run(c));
        return summary;
    }

    /** The run failed somewhere before or during apply: nothing was applied; say why in flow_run. */
    public Map<String, Object> failed(Exchange exchange) {
        running.set(false);
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = e == null ? "unknown failure" : e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warn("Metadata sync {} failed, nothing applied: {}", exchange.getProperty(RUN_ID), reason);
        return finish(exchange, "FAILED", Map.of(), reason);
    }

    private Map<String, Object> finish(Exchange exchange, String status, Map<String, Object> summary, String error) {
        Long runId = exchange.getProperty(RUN_ID, Long.class);
        Map<String, Object> values = new HashMap<>();
        values.put("id", runId);
        values.put("now", Instant.now());
        values.put("status", status);
        values.put("summary", toJson(summary));
        values.put("error", error == null ? null : abbreviate(error));
        sql("metadata-run-finish").update(dataSource, values);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("runId", runId);
        answer.put("status", status);
        answer.put("summary", summary);
        if (error != null) {
            answer.put("error", error);
        }
        if (error == null) {
            LOG.info("Metadata sync {} done: {}", runId, summary);
        }
        return answer;
    }

    /** GET /api/metadata/unmapped-stores. */
    public List<Map<String, Object>> unmappedStores() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : sql("unmapped-stores-list").query(dataSource, Map.of())) {
            Map<String, Object> row = new LinkedHashMap<>(r);
            row.computeIfPresent("checked_at", (k, v) -> v.toString());
            rows.add(row);
        }
        return rows;
    }

    private static String toJson(Map<String, Object> summary) {
        try {
            return JSON.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 3900 ? s.substring(0, 3900) + "..." : s;
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Metadata sync database work failed: " + e.getMessage(), e);
        }
    }

    static NamedSql sql(String name) {
        return SQL.computeIfAbsent(name, NamedSql::load);
    }

    private static final Map<String, NamedSql> SQL = new java.util.concurrent.ConcurrentHashMap<>();
}
