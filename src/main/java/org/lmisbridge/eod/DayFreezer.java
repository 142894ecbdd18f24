package org.lmisbridge.eod;

import static org.lmisbridge.eod.EodSql.params;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Freezes one day, set-based, on a connection whose transaction the caller commits: rejects the bad ledger rows,
 * takes the opening balances, summarises the stores level by level from the central store down, writes only the
 * rows that are new or changed, the day's STOCK_ON_HAND indicator, and the day's eod_run record.
 */
final class DayFreezer {

    /** What freezing a day did. */
    record DayResult(LocalDate day, boolean restatement, int rows, int inserted, int changed, int rejected) {
    }

    private final EodSql sql;
    private final List<Integer> depths;

    DayFreezer(EodSql sql, List<Integer> depths) {
        this.sql = sql;
        this.depths = depths;
    }

    /**
     * @param previousFrozen the day before is frozen, so its closing balances open this day; otherwise the day
     *                       opens with the ledger's balances
     * @param wasFrozen      the day was frozen before: this is a restatement
     */
    DayResult freeze(LocalDate day, boolean previousFrozen, boolean wasFrozen, Instant now) {
        Instant started = now;
        Timestamp maxEntered = EodSql.toTimestamp(sql.value("eod-day-max-entered", params("day", day)));
        int rejected = sql.update("eod-reject-bad-transactions", params("day", day));

        sql.update("eod-opening-clear", params());
        if (previousFrozen) {
            sql.update("eod-opening-from-previous-day", params("previousDay", day.minusDays(1)));
        } else {
            sql.update("eod-opening-from-ledger", params("day", day));
        }

        // A day with no rows yet (its first freezing) has nothing to compare: its rows go straight to daily_summary.
        // Otherwise they are computed into eod_summary_work and only the new or changed ones are written.
        boolean newDay = !wasFrozen && sql.value("eod-day-has-rows", params("day", day)) == null;
        if (!newDay) {
            sql.update("eod-summary-work-clear", params());
        }
        String moves = newDay ? "eod-summarise-moves-new-day" : "eod-summarise-moves";
        String still = newDay ? "eod-summarise-still-new-day" : "eod-summarise-still";
        int rows = 0;
        for (Integer depth : depths) {
            rows += sql.update(moves, params("day", day, "depth", depth, "now", now));
            rows += sql.update(still, params("day", day, "depth", depth, "now", now));
        }
        int changed = wasFrozen ? sql.update("eod-summary-update-changed", params("day", day, "now", now)) : 0;
        int inserted = newDay ? rows
                : sql.update("eod-summary-insert-new", params("day", day, "now", now, "restated", wasFrozen));

        String period = EodCalendar.dailyPeriod(day);
        if (wasFrozen) {
            sql.update("eod-indicator-daily-update-changed", params("day", day, "period", period, "now", now));
        }
        boolean periodHasValues = sql.value("eod-indicator-daily-any", params("period", period)) != null;
        sql.update(periodHasValues ? "eod-indicator-daily-insert-new" : "eod-indicator-daily-insert-all",
                params("day", day, "period", period, "now", now));

        sql.update("eod-run-delete", params("day", day));
        sql.update("eod-run-insert", params("day", day, "status", wasFrozen ? "RESTATED" : "FROZEN",
                "rowsFrozen", rows, "startedAt", started, "finishedAt", Instant.now(), "maxEnteredAt", maxEntered));
        return new DayResult(day, wasFrozen, rows, inserted, changed, rejected);
    }
}
