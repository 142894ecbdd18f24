-- End-of-Day: AVERAGE_MONTHLY_CONSUMPTION and MONTHS_OF_STOCK for a month (period yyyyMM), from the ISSUED
-- indicator (distributions_out + dispensing) of the :amcMonths months :fromPeriod .. :period and the month's
-- STOCK_ON_HAND. AMC = total consumption / :amcMonths (months without consumption count as 0);
-- MONTHS_OF_STOCK = STOCK_ON_HAND / AMC, NULL when AMC is 0 (no consumption: months of stock is undefined).
INSERT INTO eod_indicator_work (store_id, item_id, period, indicator, indicator_value)
SELECT h.store_id, h.item_id, :period, n.code,
       CASE n.code
           WHEN 'AVERAGE_MONTHLY_CONSUMPTION' THEN ROUND(COALESCE(c.total, 0) / CAST(:amcMonths AS INTEGER), 4)
           ELSE CASE WHEN COALESCE(c.total, 0) = 0 THEN NULL
                     ELSE ROUND(h.indicator_value * CAST(:amcMonths AS INTEGER) / c.total, 4) END
       END
FROM stock_indicator h
LEFT JOIN (
    SELECT i.store_id, i.item_id, SUM(i.indicator_value) AS total
    FROM stock_indicator i
    WHERE i.indicator = 'ISSUED' AND i.period BETWEEN :fromPeriod AND :period AND LENGTH(i.period) = 6
    GROUP BY i.store_id, i.item_id
) c ON c.store_id = h.store_id AND c.item_id = h.item_id
CROSS JOIN (VALUES ('AVERAGE_MONTHLY_CONSUMPTION'), ('MONTHS_OF_STOCK')) AS n (code)
WHERE h.period = :period AND h.indicator = 'STOCK_ON_HAND'
