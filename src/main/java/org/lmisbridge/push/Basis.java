package org.lmisbridge.push;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Which data a run sends for a data type: the run's own day, or the whole previous month (the month before the
 * run's day). A daily-summary type over a month sums the movements; opening is the first day's, closing the last
 * day's; an indicator is read for the month's period (yyyyMM) or the day's (yyyyMMdd).
 */
public enum Basis {
    CURRENT_DAY, PREVIOUS_MONTH;

    /** The first day of the data covered by a run on that day. */
    public LocalDate firstDay(LocalDate runDay) {
        return this == CURRENT_DAY ? runDay : runDay.minusMonths(1).withDayOfMonth(1);
    }

    /** The last day of the data covered by a run on that day. */
    public LocalDate lastDay(LocalDate runDay) {
        if (this == CURRENT_DAY) {
            return runDay;
        }
        LocalDate first = firstDay(runDay);
        return first.withDayOfMonth(first.lengthOfMonth());
    }

    /** The stock_indicator.period holding the figure. */
    public String indicatorPeriod(LocalDate runDay) {
        LocalDate d = firstDay(runDay);
        return this == CURRENT_DAY
                ? String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth())
                : String.format("%04d%02d", d.getYear(), d.getMonthValue());
    }

    public static Basis parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
