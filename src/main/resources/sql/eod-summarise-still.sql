-- End-of-Day: the summary rows of the store-item pairs at one depth that did not move on :day but hold stock (an
-- opening or carried ledger balance other than zero) or already have a row for the day (a restated day never loses
-- a row): opening = closing, the ledger balance carried from the previous day. Run after eod-summarise-moves.
INSERT INTO eod_summary_work (store_id, item_id, opening_balance, arrivals, requisitions_received,
                              distributions_out, returns_in, returns_out, adjustments, dispensing, wastage,
                              closing_balance, ledger_balance, discrepancy)
SELECT k.store_id, k.item_id, COALESCE(o.opening_balance, 0), 0, 0, 0, 0, 0, 0, 0, 0,
       COALESCE(o.opening_balance, 0), o.ledger_balance,
       COALESCE(o.opening_balance, 0) - COALESCE(o.ledger_balance, 0)
FROM (
    SELECT store_id, item_id FROM eod_opening WHERE opening_balance <> 0 OR ledger_balance <> 0
    UNION
    SELECT store_id, item_id FROM daily_summary WHERE summary_date = :day
) k
JOIN eod_store_depth sd ON sd.store_id = k.store_id AND sd.depth = :depth
JOIN item i ON i.id = k.item_id
LEFT JOIN eod_opening o ON o.store_id = k.store_id AND o.item_id = k.item_id
WHERE NOT EXISTS (SELECT 1 FROM eod_summary_work w WHERE w.store_id = k.store_id AND w.item_id = k.item_id)
