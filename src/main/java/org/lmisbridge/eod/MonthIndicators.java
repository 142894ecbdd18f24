package org.lmisbridge.eod;

import static org.lmisbridge.eod.EodSql.params;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * Computes a month's indicators (period yyyyMM) from its frozen days, set-based, and writes those that are new or
 * changed: first the month's own figures, then AMC and months of stock, which read the ISSUED of the window.
 */
final class MonthIndicators {

    private final EodSql sql;
    private final int amcMonths;

    MonthIndicators(EodSql sql, int amcMonths) {
        this.sql = sql;
        this.amcMonths = amcMonths;
    }

    /** @return the number of indicator values written (new or changed); 0 when no day of the month is frozen */
    int compute(YearMonth month, Instant now) {
        Map<String, Object> frozen = sql.query("eod-frozen-days-in-month",
                params("monthStart", month.atDay(1), "lastDay", month.atEndOfMonth())).get(0);
        LocalDate lastDay = EodSql.toDate(frozen.get("last_day"));
        if (lastDay == null) {
            return 0;
        }
        int frozenDays = ((Number) frozen.get("frozen_days")).intValue();
        String period = EodCalendar.monthlyPeriod(month);

        sql.update("eod-indicator-work-clear", params());
        sql.update("eod-indicators-monthly", params("period", period, "monthStart", month.atDay(1),
                "lastDay", lastDay, "frozenDays", frozenDays, "expiryLimit", lastDay.plusDays(90)));
        int written = apply(period, now);

        sql.update("eod-indicator-work-clear", params());
        sql.update("eod-indicators-consumption", params("period", period,
                "fromPeriod", EodCalendar.amcFromPeriod(month, amcMonths), "amcMonths", amcMonths));
        return written + apply(period, now);
    }

    private int apply(String period, Instant now) {
        return sql.update("eod-indicator-update-changed", params("period", period, "now", now))
                + sql.update("eod-indicator-insert-new", params("now", now));
    }
}
