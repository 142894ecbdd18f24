-- End-of-Day: the indicators of one store (by id or code) for one period.
SELECT st.code AS store_code, i.code AS item_code, s.period, s.indicator, s.indicator_value, s.computed_at
FROM stock_indicator s
JOIN store st ON st.id = s.store_id
JOIN item i ON i.id = s.item_id
WHERE s.period = :period AND (st.code = :store OR CAST(st.id AS VARCHAR(50)) = :store)
ORDER BY i.code, s.indicator
