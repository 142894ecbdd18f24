-- End-of-Day: the day's ledger rows that cannot be summarised go to rejected_input with the reason (once per row,
-- however often the day is run). They are left out of the movement columns; the ledger balance still comes from
-- the ledger, so the discrepancy column shows what they would have changed.
INSERT INTO rejected_input (flow, source_ref, reason, payload)
SELECT 'end-of-day', x.source_ref, x.reason, x.payload
FROM (
    SELECT 'stock_transaction:' || t.id AS source_ref,
           CASE
               WHEN s.id IS NULL THEN 'unknown store ' || t.store_id
               WHEN i.id IS NULL THEN 'unknown item ' || t.item_id
               WHEN tt.code IS NULL THEN 'unknown transaction type ' || t.tx_type
               WHEN tt.summary_column NOT IN ('arrivals', 'requisitions_received', 'distributions_out', 'returns_in',
                                              'returns_out', 'adjustments', 'dispensing', 'wastage')
                   THEN 'transaction type ' || t.tx_type || ' feeds no summary column (summary_column '
                        || tt.summary_column || ')'
               WHEN t.balance_after < 0 THEN 'negative balance ' || t.balance_after
           END AS reason,
           '{"id":' || t.id || ',"store_id":' || t.store_id || ',"item_id":' || t.item_id
               || ',"tx_type":"' || t.tx_type || '","quantity":' || t.quantity
               || ',"tx_date":"' || CAST(t.tx_date AS VARCHAR(10)) || '","balance_after":' || t.balance_after
               || '}' AS payload
    FROM stock_transaction t
    LEFT JOIN store s ON s.id = t.store_id
    LEFT JOIN item i ON i.id = t.item_id
    LEFT JOIN transaction_type tt ON tt.code = t.tx_type
    WHERE t.tx_date = :day
) x
WHERE x.reason IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM rejected_input r WHERE r.flow = 'end-of-day' AND r.source_ref = x.source_ref)
