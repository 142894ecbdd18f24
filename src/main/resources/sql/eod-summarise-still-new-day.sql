-- End-of-Day: the summary rows of the store-item pairs at one depth that did not move on :day but hold stock (an
-- opening or carried ledger balance other than zero): opening = closing, the ledger balance carried from the previous
-- day, straight into daily_summary when the day had no rows there (its first freezing). Otherwise the same as
-- eod-summarise-still. Run after eod-summarise-moves-new-day.
INSERT INTO daily_summary (store_id, item_id, summary_date, opening_balance, arrivals, requisitions_received,
                           distributions_out, returns_in, returns_out, adjustments, dispensing, wastage,
                           closing_balance, ledger_balance, discrepancy, computed_at, restated)
SELECT k.store_id, k.item_id, :day, COALESCE(o.opening_balance, 0), 0, 0, 0, 0, 0, 0, 0, 0,
       COALESCE(o.opening_balance, 0), o.ledger_balance,
       COALESCE(o.opening_balance, 0) - COALESCE(o.ledger_balance, 0),
       :now, FALSE
FROM (
    SELECT store_id, item_id FROM eod_opening WHERE opening_balance <> 0 OR ledger_balance <> 0
) k
JOIN eod_store_depth sd ON sd.store_id = k.store_id AND sd.depth = :depth
JOIN item i ON i.id = k.item_id
LEFT JOIN eod_opening o ON o.store_id = k.store_id AND o.item_id = k.item_id
WHERE NOT EXISTS (SELECT 1 FROM daily_summary w
                  WHERE w.store_id = k.store_id AND w.item_id = k.item_id AND w.summary_date = :day)
