package org.lmisbridge.eod;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lmisbridge.sql.NamedSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the End-of-Day statements (files {@code sql/eod-*.sql}) on one connection, so that the steps of a day share
 * its transaction. Binds values only; the SQL is the files'.
 */
final class EodSql {

    private static final Logger LOG = LoggerFactory.getLogger(EodSql.class);
    /** Statements slower than this are logged at INFO, for operators sizing the nightly window. */
    private static final long SLOW_MS = 500;
    private static final Map<String, NamedSql> CACHE = new ConcurrentHashMap<>();

    private final Connection connection;

    EodSql(Connection connection) {
        this.connection = connection;
    }

    static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    int update(String name, Map<String, ?> values) {
        long start = System.nanoTime();
        try (PreparedStatement ps = prepare(name, values)) {
            int n = ps.executeUpdate();
            logIfSlow(name, start, n);
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL " + name + " failed: " + e.getMessage(), e);
        }
    }

    List<Map<String, Object>> query(String name, Map<String, ?> values) {
        long start = System.nanoTime();
        try (PreparedStatement ps = prepare(name, values); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                }
                rows.add(row);
            }
            logIfSlow(name, start, rows.size());
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL " + name + " failed: " + e.getMessage(), e);
        }
    }

    private static void logIfSlow(String name, long startNanos, int rows) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        if (ms >= SLOW_MS) {
            LOG.info("SQL {} took {} ms ({} rows)", name, ms, rows);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("SQL {} took {} ms ({} rows)", name, ms, rows);
        }
    }

    /** The first column of the first row, or null. */
    Object value(String name, Map<String, ?> values) {
        List<Map<String, Object>> rows = query(name, values);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }

    static Timestamp toTimestamp(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t;
        }
        if (value instanceof java.time.LocalDateTime t) {
            return Timestamp.valueOf(t);
        }
        if (value instanceof java.time.OffsetDateTime t) {
            return Timestamp.valueOf(t.toLocalDateTime());
        }
        return Timestamp.valueOf(value.toString());
    }

    private PreparedStatement prepare(String name, Map<String, ?> values) throws SQLException {
        NamedSql sql = CACHE.computeIfAbsent(name, NamedSql::load);
        PreparedStatement ps = connection.prepareStatement(sql.jdbcSql());
        List<String> parameters = sql.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            String p = parameters.get(i);
            if (!values.containsKey(p)) {
                ps.close();
                throw new IllegalArgumentException("SQL " + name + " needs a value for :" + p);
            }
            Object v = values.get(p);
            if (v instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (v instanceof LocalDate date) {
                ps.setDate(i + 1, java.sql.Date.valueOf(date));
            } else if (v == null) {
                ps.setNull(i + 1, java.sql.Types.NULL);
            } else {
                ps.setObject(i + 1, v);
            }
        }
        return ps;
    }
}
