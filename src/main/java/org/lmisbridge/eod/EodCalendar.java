package org.lmisbridge.eod;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which days an End-of-Day run freezes, and the DHIS2 periods they fall in. Pure: "today" is given, in the
 * configured time zone, and a day is only ever due once it has ended (it is before today).
 */
final class EodCalendar {

    private static final DateTimeFormatter DAILY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter MONTHLY = DateTimeFormatter.ofPattern("yyyyMM");

    private EodCalendar() {
    }

    /**
     * The days a scheduled (catch-up) run processes, oldest first, up to yesterday: from the earliest backdated
     * frozen day (restated) or the day after the last frozen day (missed days), whichever is earlier. With nothing
     * frozen yet, it starts at {@code firstDay} when set, else at yesterday.
     */
    static List<LocalDate> dueDays(LocalDate today, Optional<LocalDate> lastFrozen, Optional<LocalDate> firstDay,
                                   Optional<LocalDate> earliestBackdated) {
        LocalDate yesterday = today.minusDays(1);
        LocalDate start = lastFrozen.map(d -> d.plusDays(1)).orElse(firstDay.orElse(yesterday));
        if (earliestBackdated.isPresent() && earliestBackdated.get().isBefore(start)) {
            start = earliestBackdated.get();
        }
        return between(start, yesterday);
    }

    /** Every day from..to inclusive, oldest first; empty when to is before from. */
    static List<LocalDate> between(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /** An on-demand range, checked: from <= to, and to has ended (before today). */
    static List<LocalDate> requestedDays(LocalDate from, LocalDate to, LocalDate today) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' " + to + " is before 'from' " + from);
        }
        if (!to.isBefore(today)) {
            throw new IllegalArgumentException("day " + to + " has not ended yet (today is " + today
                    + " in the configured eod.time-zone); only days up to " + today.minusDays(1) + " can be frozen");
        }
        if (from.plusDays(3660).isBefore(to)) {
            throw new IllegalArgumentException("range " + from + ".." + to + " is longer than ten years");
        }
        return between(from, to);
    }

    static String dailyPeriod(LocalDate day) {
        return DAILY.format(day);
    }

    static String monthlyPeriod(YearMonth month) {
        return MONTHLY.format(month.atDay(1));
    }

    /** The first month of an AMC window of {@code months} months ending with {@code month}. */
    static String amcFromPeriod(YearMonth month, int months) {
        return monthlyPeriod(month.minusMonths(months - 1L));
    }
}
