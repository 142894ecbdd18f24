package org.lmisbridge.push;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.lmisbridge.sql.NamedSql;

/**
 * Writes what became of each value of a batch: the posted ones in one statement (push-outbox-posted), the refused
 * and dry-run ones as one JDBC batch each (push-outbox-failed, -dry-run): a thousand values cost one round trip.
 */
final class OutboxUpdates {

    private final DataSource dataSource;
    private final NamedSql posted = NamedSql.load("push-outbox-posted");
    private final NamedSql failed = NamedSql.load("push-outbox-failed");
    private final NamedSql dryRun = NamedSql.load("push-outbox-dry-run");

    OutboxUpdates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A value and what to write for it: error and code, when refused. */
    record Outcome(OutboxRow row, String errorCode, String error) {
    }

    /** Marks the values posted with one statement (ids as an SQL array), unless restaged after readAt. */
    int posted(List<OutboxRow> rows, Instant readAt) {
        if (rows.isEmpty()) {
            return 0;
        }
        Long[] ids = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(posted.jdbcSql())) {
            Map<String, Object> p = Map.of("ids", c.createArrayOf("BIGINT", ids), "now", Timestamp.from(Instant.now()),
                    "readAt", Timestamp.from(readAt));
            for (int i = 0; i < posted.parameters().size(); i++) {
                ps.setObject(i + 1, p.get(posted.parameters().get(i)));
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL " + posted.name() + " failed: " + e.getMessage(), e);
        }
    }

    int failed(List<Outcome> outcomes, int maxAttempts) {
        Timestamp now = Timestamp.from(Instant.now());
        return run(failed, outcomes, o -> Map.of("id", o.row().id(), "value", o.row().value(), "now", now,
                "maxAttempts", maxAttempts, "error", truncate(o.error()), "errorCode", truncateCode(o.errorCode())));
    }

    int dryRun(List<Outcome> outcomes) {
        Timestamp now = Timestamp.from(Instant.now());
        java.util.function.Function<Outcome, Map<String, Object>> params = o -> {
            Map<String, Object> p = new java.util.HashMap<>();
            p.put("id", o.row().id());
            p.put("value", o.row().value());
            p.put("now", now);
            p.put("error", o.error() == null ? null : truncate(o.error()));
            p.put("errorCode", o.errorCode() == null ? null : truncateCode(o.errorCode()));
            return p;
        };
        return run(dryRun, outcomes, params);
    }

    private <T> int run(NamedSql sql, List<T> items, Function<T, Map<String, Object>> params) {
        if (items.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql.jdbcSql())) {
            // one transaction per batch of values: in autocommit mode a JDBC batch commits each row on its own
            c.setAutoCommit(false);
            for (T item : items) {
                Map<String, Object> p = params.apply(item);
                for (int i = 0; i < sql.parameters().size(); i++) {
                    Object v = p.get(sql.parameters().get(i));
                    if (v == null) {
                        ps.setNull(i + 1, Types.VARCHAR);
                    } else {
                        ps.setObject(i + 1, v);
                    }
                }
                ps.addBatch();
            }
            int changed = 0;
            try {
                for (int n : ps.executeBatch()) {
                    changed += Math.max(0, n);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL " + sql.name() + " failed: " + e.getMessage(), e);
        }
    }

    private static String truncate(String s) {
        return s == null ? "" : s.length() > 4000 ? s.substring(0, 4000) : s;
    }

    private static String truncateCode(String s) {
        return s == null ? "" : s.length() > 20 ? s.substring(0, 20) : s;
    }
}
