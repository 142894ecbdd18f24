-- End-of-Day: when the previous day was never frozen (the first day summarised), the day opens with the ledger's
-- own balance: balance_after of the last ledger row before the day, per store and item (ledger order: tx_date, id).
INSERT INTO eod_opening (store_id, item_id, opening_balance, ledger_balance)
SELECT x.store_id, x.item_id, x.balance_after, x.balance_after
FROM (
    SELECT t.store_id, t.item_id, t.balance_after,
           ROW_NUMBER() OVER (PARTITION BY t.store_id, t.item_id ORDER BY t.tx_date DESC, t.id DESC) AS rn
    FROM stock_transaction t
    JOIN item i ON i.id = t.item_id
    WHERE t.tx_date < :day
) x
WHERE x.rn = 1
