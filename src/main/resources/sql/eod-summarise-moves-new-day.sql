-- End-of-Day: the summary rows of the store-item pairs that moved on :day, for the stores at one depth of the
-- hierarchy, straight into daily_summary, when the day has no rows there yet (its first freezing: nothing to compare,
-- so the eod_summary_work step is skipped). Otherwise the same as eod-summarise-moves. Which column a ledger row feeds, and how it moves stock, comes from
-- transaction_type (summary_column, stock_sign). Rows rejected by eod-reject-bad-transactions (negative balance,
-- a type feeding no column, unknown item) are left out of the movements.
--   closing_balance = opening_balance + sum(stock_sign * quantity)
--   ledger_balance  = balance_after of the pair's last ledger row of the day (highest id), even a rejected one
--   discrepancy     = closing_balance - ledger_balance
INSERT INTO daily_summary (store_id, item_id, summary_date, opening_balance, arrivals, requisitions_received,
                           distributions_out, returns_in, returns_out, adjustments, dispensing, wastage,
                           closing_balance, ledger_balance, discrepancy, computed_at, restated)
SELECT m.store_id, m.item_id, :day,
       COALESCE(o.opening_balance, 0),
       m.arrivals, m.requisitions_received, m.distributions_out, m.returns_in, m.returns_out, m.adjustments,
       m.dispensing, m.wastage,
       COALESCE(o.opening_balance, 0) + m.net,
       lt.balance_after,
       COALESCE(o.opening_balance, 0) + m.net - lt.balance_after,
       :now, FALSE
FROM (
    SELECT t.store_id, t.item_id,
           SUM(CASE WHEN t.balance_after >= 0 AND tt.summary_column = 'arrivals' THEN t.quantity ELSE 0 END) AS arrivals,
           SUM(CASE WHEN t.balance_after >= 0 AND tt.summary_column = 'requisitions_received' THEN t.quantity ELSE 0 END) AS requisitions_received,
           SUM(CASE WHEN t.balance_after >= 0 AND tt.summary_column = 'distributions_out' THEN t.quantity ELSE 0 END) AS distributions_out,
           SUM(CASE WHEN t.balance_after >= 0 AND tt.summary_column = 'returns_in' THEN t.quantity ELSE 0 END) AS returns_in,
           SUM(CASE WHEN t.balance_after >= 0 AND tt.summary_column = 'returns_out' THEN t.quantity ELSE 0 END) AS returns_out,
           SUM(CASE WHEN t.balance_after >= 0 AND tt.summary_column = 'adjustments' THEN t.quantity ELSE 0 END) AS adjustments,
           SUM(CASE WHEN t.balance_after >= 0 AND tt.summary_column = 'dispensing' THEN t.quantity ELSE 0 END) AS dispensing,
           SUM(CASE WHEN t.balance_after >= 0 AND tt.summary_column = 'wastage' THEN t.quantity ELSE 0 END) AS wastage,
           SUM(CASE WHEN t.balance_after >= 0 AND tt.summary_column IN ('arrivals', 'requisitions_received',
                        'distributions_out', 'returns_in', 'returns_out', 'adjustments', 'dispensing', 'wastage')
                    THEN tt.stock_sign * t.quantity ELSE 0 END) AS net,
           MAX(t.id) AS last_id
    FROM stock_transaction t
    JOIN eod_store_depth sd ON sd.store_id = t.store_id AND sd.depth = :depth
    JOIN item i ON i.id = t.item_id
    LEFT JOIN transaction_type tt ON tt.code = t.tx_type
    WHERE t.tx_date = :day
    GROUP BY t.store_id, t.item_id
) m
JOIN stock_transaction lt ON lt.id = m.last_id
LEFT JOIN eod_opening o ON o.store_id = m.store_id AND o.item_id = m.item_id
