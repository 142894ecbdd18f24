-- End-of-Day: each day opens with the previous frozen day's closing balance (and carries its ledger balance for
-- the store-item pairs that do not move today).
INSERT INTO eod_opening (store_id, item_id, opening_balance, ledger_balance)
SELECT store_id, item_id, closing_balance, ledger_balance
FROM daily_summary
WHERE summary_date = :previousDay
