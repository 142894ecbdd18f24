package org.lmisbridge.push;

import java.util.Locale;

/**
 * What can be pushed per item: the twelve stock figures mSupply offers (read from {@code stock_indicator}) and
 * the VLMIS daily stock movement categories (read from {@code daily_summary}). The key is the name used in the
 * settings ({@code push.type.<key>.*}).
 */
public enum DataType {
    STOCK_ON_HAND("stock-on-hand", Source.INDICATOR, "STOCK_ON_HAND"),
    MONTHS_OF_STOCK("months-of-stock", Source.INDICATOR, "MONTHS_OF_STOCK"),
    ADJUSTMENTS("adjustments", Source.INDICATOR, "ADJUSTMENTS"),
    RECEIVED("received", Source.INDICATOR, "RECEIVED"),
    ISSUED("issued", Source.INDICATOR, "ISSUED"),
    EXPIRING_WITHIN_90_DAYS("expiring-within-90-days", Source.INDICATOR, "EXPIRING_WITHIN_90_DAYS"),
    EXPIRED("expired", Source.INDICATOR, "EXPIRED"),
    AVERAGE_MONTHLY_CONSUMPTION("average-monthly-consumption", Source.INDICATOR, "AVERAGE_MONTHLY_CONSUMPTION"),
    DAYS_OUT_OF_STOCK("days-out-of-stock", Source.INDICATOR, "DAYS_OUT_OF_STOCK"),
    STOCK_START_OF_MONTH("stock-start-of-month", Source.INDICATOR, "STOCK_START_OF_MONTH"),
    STOCK_END_OF_MONTH("stock-end-of-month", Source.INDICATOR, "STOCK_END_OF_MONTH"),
    STOCKED_OUT("stocked-out", Source.INDICATOR, "STOCKED_OUT"),
    DAILY_OPENING("daily-opening", Source.SUMMARY, "opening_balance"),
    DAILY_RECEIVED("daily-received", Source.SUMMARY, "arrivals"),
    DAILY_RETURNED_IN("daily-returned-in", Source.SUMMARY, "returns_in"),
    DAILY_RETURNED_OUT("daily-returned-out", Source.SUMMARY, "returns_out"),
    DAILY_DISTRIBUTED("daily-distributed", Source.SUMMARY, "distributions_out"),
    DAILY_DISPENSED("daily-dispensed", Source.SUMMARY, "dispensing"),
    DAILY_WASTAGE("daily-wastage", Source.SUMMARY, "wastage"),
    DAILY_DISCREPANCY("daily-discrepancy", Source.SUMMARY, "discrepancy"),
    DAILY_CLOSING("daily-closing", Source.SUMMARY, "closing_balance");

    /** Where the figure comes from: a stock_indicator row, or a column of daily_summary (summed over a month). */
    public enum Source { INDICATOR, SUMMARY }

    private final String key;
    private final Source source;
    private final String sourceName;

    DataType(String key, Source source, String sourceName) {
        this.key = key;
        this.source = source;
        this.sourceName = sourceName;
    }

    public String key() {
        return key;
    }

    public Source source() {
        return source;
    }

    /** The stock_indicator.indicator code, or the daily_summary column (as named by the staging SQL). */
    public String sourceName() {
        return sourceName;
    }

    public static DataType fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (DataType t : values()) {
            if (t.key.equals(k)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown data type '" + key + "'");
    }
}
