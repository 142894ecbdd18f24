package org.lmisbridge.eod;

import static org.lmisbridge.eod.EodSql.params;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The End-of-Day run (F4), bound as {@code endOfDay} for routes/end-of-day.camel.yaml. A run freezes the due days
 * one at a time, oldest first, each in its own transaction (a failed day leaves the days before it frozen and is
 * retried on the next run), then recomputes the monthly indicators of the months it touched. Runs are serialised.
 */
public final class EndOfDay {

    static final String FLOW = "end-of-day";
    private static final Logger LOG = LoggerFactory.getLogger(EndOfDay.class);
    private static final Timestamp BEGINNING = Timestamp.valueOf("1970-01-01 00:00:00");

    private final DataSource dataSource;
    private final Clock clock;
    private final Optional<LocalDate> firstDay;
    private final int amcMonths;
    private final boolean monthToDate;

    /**
     * @param monthToDate recompute the monthly indicators of the current month after every run (month to date);
     *                    false: a month's indicators are computed once its last day is frozen (and again when one
     *                    of its days is restated)
     */
    public EndOfDay(DataSource dataSource, Clock clock, Optional<LocalDate> firstDay, int amcMonths,
                    boolean monthToDate) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.firstDay = firstDay;
        this.amcMonths = amcMonths;
        this.monthToDate = monthToDate;
    }

    /** Today in the configured time zone: the first day that is not over. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /**
     * The scheduled run: restates the frozen days that received backdated entries since the last run (and every
     * frozen day after them), and freezes the missed days up to yesterday.
     */
    public synchronized Map<String, Object> runDue(String trigger) {
        return recorded(trigger, () -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                EodSql sql = new EodSql(c);
                Timestamp ledgerLastEntered = EodSql.toTimestamp(sql.value("eod-ledger-last-entered", params()));
                Timestamp since = Optional.ofNullable(EodSql.toTimestamp(sql.value("eod-watermark-read", params())))
                        .orElse(BEGINNING);
                List<LocalDate> backdated = sql.query("eod-backdated-days", params("since", since)).stream()
                        .map(r -> EodSql.toDate(r.get("summary_date"))).toList();
                Optional<LocalDate> lastFrozen = Optional.ofNullable(
                        EodSql.toDate(sql.value("eod-last-frozen-day", params())));
                List<LocalDate> days = EodCalendar.dueDays(today(), lastFrozen, firstDay,
                        backdated.stream().findFirst());
                Map<String, Object> result = process(c, days);
                result.put("backdatedDays", backdated.stream().map(LocalDate::toString).toList());
                if (ledgerLastEntered != null) {
                    c.setAutoCommit(false);
                    sql.update("eod-watermark-delete", params());
                    sql.update("eod-watermark-insert", params("value", ledgerLastEntered, "now", Instant.now()));
                    c.commit();
                }
                return result;
            }
        });
    }

    /**
     * An on-demand run of the days from..to (ISO dates; to defaults to from). Days already frozen are restated;
     * when that changed anything, the frozen days after the range are restated too, since each closing is the next
     * day's opening.
     *
     * @throws IllegalArgumentException when a date is not an ISO date, or the range reaches a day not yet ended
     */
    public synchronized Map<String, Object> runRange(String from, String to, String trigger) {
        LocalDate fromDay = parseDay("from", from);
        LocalDate toDay = to == null || to.isBlank() ? fromDay : parseDay("to", to);
        List<LocalDate> days = EodCalendar.requestedDays(fromDay, toDay, today());
        return recorded(trigger, () -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                return process(c, days);
            }
        });
    }

    /** For the on-demand JSON endpoint: {"from": "2026-11-01", "to": "2026-11-03"}. */
    public Map<String, Object> runRequest(Map<String, Object> request, String trigger) {
        if (request == null || request.get("from") == null) {
            throw new IllegalArgumentException("the request needs \"from\" (and optionally \"to\"), ISO dates");
        }
        Object to = request.get("to");
        return runRange(request.get("from").toString(), to == null ? null : to.toString(), trigger);
    }

    /** The frozen summary of a day, of one store (code or id) or of all stores when store is empty. */
    public List<Map<String, Object>> summary(String date, String store) {
        LocalDate day = parseDay("date", date);
        try (Connection c = dataSource.getConnection()) {
            return jsonReady(new EodSql(c).query("eod-summary-read",
                    params("day", day, "store", store == null || store.isBlank() ? null : store)));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the summary: " + e.getMessage(), e);
        }
    }

    /** The indicators of one store (code or id) for a period (yyyyMMdd or yyyyMM). */
    public List<Map<String, Object>> indicators(String period, String store) {
        if (period == null || !period.matches("\\d{6}|\\d{8}")) {
            throw new IllegalArgumentException("period must be yyyyMM or yyyyMMdd but was '" + period + "'");
        }
        if (store == null || store.isBlank()) {
            throw new IllegalArgumentException("store (a code or an id) is required");
        }
        try (Connection c = dataSource.getConnection()) {
            return jsonReady(new EodSql(c).query("eod-indicators-read", params("period", period, "store", store)));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the indicators: " + e.getMessage(), e);
        }
    }

    /** The answer of an endpoint to a request it refused: {"error": "..."} (from the caught exception). */
    public Map<String, Object> error(org.apache.camel.Exchange exchange) {
        Exception e = exchange.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Exception.class);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("error", e == null ? "bad request" : e.getMessage());
        return answer;
    }

    private Map<String, Object> process(Connection c, List<LocalDate> requested) throws SQLException {
        long started = System.nanoTime();
        EodSql sql = new EodSql(c);
        List<Integer> depths = refreshDepths(c, sql);
        List<LocalDate> days = new ArrayList<>(requested);
        Set<LocalDate> frozen = new TreeSet<>();
        if (!days.isEmpty()) {
            LocalDate last = days.get(days.size() - 1);
            LocalDate today = today();
            sql.query("eod-frozen-days-between", params("fromDay", days.get(0).minusDays(1), "toDay", today))
                    .forEach(r -> frozen.add(EodSql.toDate(r.get("summary_date"))));
            // days frozen after the range follow it when the range changed something (their opening moved)
            List<LocalDate> later = frozen.stream().filter(d -> d.isAfter(last)).toList();
            days.addAll(later);
        }
        DayFreezer freezer = new DayFreezer(sql, depths);
        List<Map<String, Object>> perDay = new ArrayList<>();
        int frozenCount = 0;
        int restatedCount = 0;
        int changedRows = 0;
        int rejected = 0;
        boolean carryOn = true;
        List<LocalDate> done = new ArrayList<>();
        for (LocalDate day : days) {
            boolean followUp = !requested.contains(day);
            if (followUp && !carryOn) {
                break;
            }
            c.setAutoCommit(false);
            DayFreezer.DayResult r;
            try {
                r = freezer.freeze(day, frozen.contains(day.minusDays(1)), frozen.contains(day), Instant.now());
                c.commit();
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw new IllegalStateException("End-of-Day for " + day + " failed: " + e.getMessage(), e);
            } finally {
                c.setAutoCommit(true);
            }
            frozen.add(day);
            done.add(day);
            carryOn = !r.restatement() || r.changed() + r.inserted() > 0;
            if (r.restatement()) {
                restatedCount++;
            } else {
                frozenCount++;
            }
            changedRows += r.changed();
            rejected += r.rejected();
            perDay.add(dayResult(r));
            LOG.info("End-of-Day {} {}: {} rows ({} new, {} changed), {} ledger rows rejected", day,
                    r.restatement() ? "restated" : "frozen", r.rows(), r.inserted(), r.changed(), r.rejected());
        }
        long daysMs = (System.nanoTime() - started) / 1_000_000;
        int indicators = 0;
        if (!done.isEmpty()) {
            LocalDate lastFrozen = frozen.stream().reduce((a, b) -> b).orElseThrow();
            for (YearMonth m = YearMonth.from(done.get(0)); !m.isAfter(YearMonth.from(lastFrozen)); m = m.plusMonths(1)) {
                if (!monthToDate && !frozen.contains(m.atEndOfMonth())) {
                    continue;
                }
                c.setAutoCommit(false);
                try {
                    indicators += new MonthIndicators(sql, amcMonths).compute(m, Instant.now());
                    c.commit();
                } catch (RuntimeException | SQLException e) {
                    c.rollback();
                    throw new IllegalStateException("End-of-Day indicators for " + m + " failed: " + e.getMessage(), e);
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("frozen", frozenCount);
        result.put("restated", restatedCount);
        result.put("changedRows", changedRows);
        result.put("rejected", rejected);
        result.put("monthlyIndicatorsWritten", indicators);
        result.put("daysMs", daysMs);
        result.put("indicatorsMs", (System.nanoTime() - started) / 1_000_000 - daysMs);
        result.put("days", perDay);
        return result;
    }

    private static List<Integer> refreshDepths(Connection c, EodSql sql) throws SQLException {
        c.setAutoCommit(false);
        try {
            sql.update("eod-store-depth-clear", params());
            sql.update("eod-store-depth-fill", params());
            sql.update("eod-store-depth-fill-unplaced", params());
            List<Integer> depths = sql.query("eod-store-depths", params()).stream()
                    .map(r -> ((Number) r.get("depth")).intValue()).toList();
            c.commit();
            return depths;
        } catch (RuntimeException | SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static Map<String, Object> dayResult(DayFreezer.DayResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", r.day().toString());
        m.put("status", r.restatement() ? "RESTATED" : "FROZEN");
        m.put("rows", r.rows());
        m.put("new", r.inserted());
        m.put("changed", r.changed());
        m.put("rejected", r.rejected());
        return m;
    }

    /** Runs work, recording it in flow_run with its counts or its error. */
    private Map<String, Object> recorded(String trigger, Work work) {
        long id = startFlowRun(trigger == null ? "on-demand" : trigger);
        try {
            Map<String, Object> result = work.run();
            finishFlowRun(id, "SUCCESS", counts(result), null);
            result.put("flowRunId", id);
            return result;
        } catch (Exception e) {
            finishFlowRun(id, "FAILED", null, e.getMessage());
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private interface Work {
        Map<String, Object> run() throws Exception;
    }

    private long startFlowRun(String trigger) {
        try (Connection c = dataSource.getConnection();
             var ps = c.prepareStatement(org.lmisbridge.sql.NamedSql.load("eod-flow-run-start").jdbcSql(),
                     new String[] {"id"})) {
            ps.setString(1, trigger);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.executeUpdate();
            try (var keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the End-of-Day run: " + e.getMessage(), e);
        }
    }

    private void finishFlowRun(long id, String status, String summary, String error) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            new EodSql(c).update("eod-flow-run-finish", params("now", Instant.now(), "status", status,
                    "summary", summary, "error", error == null ? null : truncate(error), "id", id));
        } catch (SQLException | RuntimeException e) {
            LOG.error("Cannot record the end of End-of-Day run {}: {}", id, e.getMessage());
        }
    }

    private static String counts(Map<String, Object> result) {
        return String.format("{\"frozen\":%s,\"restated\":%s,\"changedRows\":%s,\"rejected\":%s}",
                result.get("frozen"), result.get("restated"), result.get("changedRows"), result.get("rejected"));
    }

    private static String truncate(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 4000);
    }

    private static LocalDate parseDay(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required (an ISO date such as 2026-11-01)");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not an ISO date such as 2026-11-01");
        }
    }

    private static List<Map<String, Object>> jsonReady(List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            row.replaceAll((k, v) -> v instanceof java.util.Date || v instanceof java.time.temporal.Temporal
                    ? (v instanceof java.sql.Date d ? d.toLocalDate().toString()
                    : v instanceof Timestamp t ? t.toLocalDateTime().toString() : v.toString()) : v);
        }
        return rows;
    }
}
