-- End-of-Day: the monthly indicators (period yyyyMM) of every store and item with a summary row in the month,
-- from the month's frozen days (:monthStart .. :lastDay, the last frozen day of the month) and the batches.
--   STOCK_ON_HAND, STOCK_END_OF_MONTH  closing balance on :lastDay (0 without a row that day: no stock)
--   STOCK_START_OF_MONTH  opening balance of the pair's first row in the month
--   RECEIVED   arrivals + returns_in          ISSUED  distributions_out + dispensing (the consumption of AMC)
--   ADJUSTMENTS  sum of the signed adjustments
--   DAYS_OUT_OF_STOCK  frozen days in the month (:frozenDays) minus the days the pair closed with stock
--   STOCKED_OUT  1 when DAYS_OUT_OF_STOCK > 0, else 0
--   WASTAGE_RATE  100 * wastage / (STOCK_START_OF_MONTH + RECEIVED), NULL when that is 0
--   EXPIRED  batch stock with expiry_date <= :lastDay;  EXPIRING_WITHIN_90_DAYS  :lastDay < expiry <= :expiryLimit
INSERT INTO eod_indicator_work (store_id, item_id, period, indicator, indicator_value)
SELECT a.store_id, a.item_id, :period, n.code,
       CASE n.code
           WHEN 'STOCK_ON_HAND' THEN a.end_stock
           WHEN 'STOCK_END_OF_MONTH' THEN a.end_stock
           WHEN 'STOCK_START_OF_MONTH' THEN f.opening_balance
           WHEN 'RECEIVED' THEN a.received
           WHEN 'ISSUED' THEN a.issued
           WHEN 'ADJUSTMENTS' THEN a.adjustments
           WHEN 'DAYS_OUT_OF_STOCK' THEN :frozenDays - a.days_in_stock
           WHEN 'STOCKED_OUT' THEN CASE WHEN :frozenDays - a.days_in_stock > 0 THEN 1 ELSE 0 END
           WHEN 'WASTAGE_RATE' THEN ROUND(100.0 * a.wastage / NULLIF(f.opening_balance + a.received, 0), 4)
           WHEN 'EXPIRED' THEN COALESCE(b.expired, 0)
           WHEN 'EXPIRING_WITHIN_90_DAYS' THEN COALESCE(b.expiring, 0)
       END
FROM (
    SELECT s.store_id, s.item_id,
           SUM(s.arrivals + s.returns_in) AS received,
           SUM(s.distributions_out + s.dispensing) AS issued,
           SUM(s.adjustments) AS adjustments,
           SUM(s.wastage) AS wastage,
           SUM(CASE WHEN s.summary_date = :lastDay THEN s.closing_balance ELSE 0 END) AS end_stock,
           SUM(CASE WHEN s.closing_balance > 0 THEN 1 ELSE 0 END) AS days_in_stock,
           MIN(s.summary_date) AS first_day
    FROM daily_summary s
    WHERE s.summary_date BETWEEN :monthStart AND :lastDay
    GROUP BY s.store_id, s.item_id
) a
JOIN daily_summary f ON f.store_id = a.store_id AND f.item_id = a.item_id AND f.summary_date = a.first_day
LEFT JOIN (
    SELECT sb.store_id, sb.item_id,
           SUM(CASE WHEN sb.expiry_date <= :lastDay THEN sb.quantity_on_hand ELSE 0 END) AS expired,
           SUM(CASE WHEN sb.expiry_date > :lastDay AND sb.expiry_date <= :expiryLimit
                    THEN sb.quantity_on_hand ELSE 0 END) AS expiring
    FROM stock_batch sb
    GROUP BY sb.store_id, sb.item_id
) b ON b.store_id = a.store_id AND b.item_id = a.item_id
CROSS JOIN (VALUES ('STOCK_ON_HAND'), ('STOCK_END_OF_MONTH'), ('STOCK_START_OF_MONTH'), ('RECEIVED'), ('ISSUED'),
                   ('ADJUSTMENTS'), ('DAYS_OUT_OF_STOCK'), ('STOCKED_OUT'), ('WASTAGE_RATE'), ('EXPIRED'),
                   ('EXPIRING_WITHIN_90_DAYS')) AS n (code)
