package org.lmisbridge.push;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * The DHIS2 period written for a day, from a pattern in the mSupply style: {@code YYYY} year, {@code MM} month,
 * {@code DD} day, {@code ww} ISO week number (then {@code YYYY} is the ISO week-based year); anything else is
 * copied. {@code YYYYMMDD} gives 20240315, {@code YYYYMM} 202403, {@code YYYYWww} 2024W11.
 */
public final class PeriodFormat {

    private final String pattern;

    private PeriodFormat(String pattern) {
        this.pattern = pattern;
    }

    public static PeriodFormat of(String pattern) {
        if (!pattern.contains("YYYY")) {
            throw new IllegalArgumentException("'" + pattern + "' has no YYYY");
        }
        return new PeriodFormat(pattern);
    }

    public String pattern() {
        return pattern;
    }

    public String format(LocalDate day) {
        boolean weekly = pattern.contains("ww");
        int year = weekly ? day.get(IsoFields.WEEK_BASED_YEAR) : day.getYear();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); ) {
            if (pattern.startsWith("YYYY", i)) {
                out.append(String.format("%04d", year));
                i += 4;
            } else if (pattern.startsWith("MM", i)) {
                out.append(String.format("%02d", day.getMonthValue()));
                i += 2;
            } else if (pattern.startsWith("DD", i)) {
                out.append(String.format("%02d", day.getDayOfMonth()));
                i += 2;
            } else if (pattern.startsWith("ww", i)) {
                out.append(day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                i += 2;
            } else {
                out.append(pattern.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
