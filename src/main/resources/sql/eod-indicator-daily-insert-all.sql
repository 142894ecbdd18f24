-- End-of-Day: the daily STOCK_ON_HAND (period yyyyMMdd = the day's closing balance) of every row of the day, when
-- stock_indicator holds none of that period yet (eod-indicator-daily-any): eod-indicator-daily-insert-new without
-- its per-row NOT EXISTS.
INSERT INTO stock_indicator (store_id, item_id, period, indicator, indicator_value, computed_at)
SELECT d.store_id, d.item_id, :period, 'STOCK_ON_HAND', d.closing_balance, :now
FROM daily_summary d
WHERE d.summary_date = :day
