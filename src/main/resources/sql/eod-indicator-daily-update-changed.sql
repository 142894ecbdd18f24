-- End-of-Day: on a restated day, the daily STOCK_ON_HAND (period yyyyMMdd = the day's closing balance) values that
-- changed are rewritten with a new computed_at.
UPDATE stock_indicator s
SET indicator_value = (SELECT d.closing_balance FROM daily_summary d
                       WHERE d.summary_date = :day AND d.store_id = s.store_id AND d.item_id = s.item_id),
    computed_at = :now
WHERE s.period = :period AND s.indicator = 'STOCK_ON_HAND'
  AND EXISTS (SELECT 1 FROM daily_summary d
              WHERE d.summary_date = :day AND d.store_id = s.store_id AND d.item_id = s.item_id
                AND d.closing_balance <> s.indicator_value)
