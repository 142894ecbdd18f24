-- End-of-Day: indicators stock_indicator does not hold yet.
INSERT INTO stock_indicator (store_id, item_id, period, indicator, indicator_value, computed_at)
SELECT w.store_id, w.item_id, w.period, w.indicator, w.indicator_value, :now
FROM eod_indicator_work w
WHERE NOT EXISTS (SELECT 1 FROM stock_indicator s
                  WHERE s.store_id = w.store_id AND s.item_id = w.item_id AND s.period = w.period
                    AND s.indicator = w.indicator)
