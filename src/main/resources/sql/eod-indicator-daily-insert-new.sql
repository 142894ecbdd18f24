-- End-of-Day: the daily STOCK_ON_HAND (period yyyyMMdd = the day's closing balance) of the rows that have none yet.
INSERT INTO stock_indicator (store_id, item_id, period, indicator, indicator_value, computed_at)
SELECT d.store_id, d.item_id, :period, 'STOCK_ON_HAND', d.closing_balance, :now
FROM daily_summary d
WHERE d.summary_date = :day
  AND NOT EXISTS (SELECT 1 FROM stock_indicator s
                  WHERE s.store_id = d.store_id AND s.item_id = d.item_id AND s.period = :period
                    AND s.indicator = 'STOCK_ON_HAND')
