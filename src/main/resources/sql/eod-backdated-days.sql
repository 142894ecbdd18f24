-- End-of-Day: the frozen days that received a ledger row after they were frozen (a backdated entry): rows entered
-- since the previous run (:since) whose day is frozen and whose entered_at is later than anything that day's run saw.
SELECT DISTINCT t.tx_date AS summary_date
FROM stock_transaction t
JOIN eod_run r ON r.summary_date = t.tx_date
WHERE t.entered_at > :since
  AND (r.max_entered_at IS NULL OR t.entered_at > r.max_entered_at)
ORDER BY t.tx_date
