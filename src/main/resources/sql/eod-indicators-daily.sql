-- End-of-Day: the daily indicator (period yyyyMMdd): STOCK_ON_HAND = the day's closing balance.
INSERT INTO eod_indicator_work (store_id, item_id, period, indicator, indicator_value)
SELECT s.store_id, s.item_id, :period, 'STOCK_ON_HAND', s.closing_balance
FROM daily_summary s
WHERE s.summary_date = :day
