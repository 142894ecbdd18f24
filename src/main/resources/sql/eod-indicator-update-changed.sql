-- End-of-Day: indicators of a period whose recomputed value differs are rewritten with a new computed_at (what the
-- push sends again). Unchanged values keep their computed_at.
UPDATE stock_indicator s
SET indicator_value = (SELECT w.indicator_value FROM eod_indicator_work w
                       WHERE w.store_id = s.store_id AND w.item_id = s.item_id
                         AND w.period = s.period AND w.indicator = s.indicator),
    computed_at = :now
WHERE s.period = :period
  AND EXISTS (SELECT 1 FROM eod_indicator_work w
              WHERE w.store_id = s.store_id AND w.item_id = s.item_id AND w.period = s.period
                AND w.indicator = s.indicator AND w.indicator_value IS DISTINCT FROM s.indicator_value)
