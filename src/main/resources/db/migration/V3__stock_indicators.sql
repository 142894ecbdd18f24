-- Indicators per store, item and period, computed by the End-of-Day flow from the ledger, the
-- daily summaries and the batches, and read by the aggregate push. One row per indicator:
--   period     a DHIS2 ISO period: yyyyMMdd for a day, yyyyMM for a month
--   indicator  STOCK_ON_HAND, AVERAGE_MONTHLY_CONSUMPTION, MONTHS_OF_STOCK, DAYS_OUT_OF_STOCK,
--              STOCK_START_OF_MONTH, STOCK_END_OF_MONTH, EXPIRING_WITHIN_90_DAYS, EXPIRED,
--              ADJUSTMENTS, RECEIVED, ISSUED, STOCKED_OUT (1 or 0), WASTAGE_RATE (percent)
--   indicator_value  NULL when it has no defined value (e.g. months of stock with no consumption)
CREATE TABLE stock_indicator (
    store_id        BIGINT        NOT NULL,
    item_id         BIGINT        NOT NULL,
    period          VARCHAR(20)   NOT NULL,
    indicator       VARCHAR(40)   NOT NULL,
    indicator_value NUMERIC(20,4),
    computed_at     TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (store_id, item_id, period, indicator)
);
CREATE INDEX ix_stock_indicator_period ON stock_indicator (period, indicator);
