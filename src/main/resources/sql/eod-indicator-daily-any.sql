-- End-of-Day: 1 when stock_indicator holds a daily STOCK_ON_HAND of :period already, else no row.
SELECT 1 AS has_rows FROM stock_indicator WHERE period = :period AND indicator = 'STOCK_ON_HAND' LIMIT 1
