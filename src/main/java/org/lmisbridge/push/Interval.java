package org.lmisbridge.push;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;

/** How often a data type is sent: on which days a run stages it. */
public enum Interval {
    DAILY, WEEKLY, MONTHLY, FIRST_DAY_OF_MONTH, LAST_DAY_OF_MONTH;

    /** True when a run for that day sends the data type: weekly on Mondays, monthly on the 1st. */
    public boolean isDue(LocalDate day) {
        return switch (this) {
            case DAILY -> true;
            case WEEKLY -> day.getDayOfWeek() == DayOfWeek.MONDAY;
            case MONTHLY, FIRST_DAY_OF_MONTH -> day.getDayOfMonth() == 1;
            case LAST_DAY_OF_MONTH -> day.getDayOfMonth() == day.lengthOfMonth();
        };
    }

    public static Interval parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
