-- End-of-Day: the frozen days that received a ledger row after they were frozen (a backdated entry): rows entered
-- since the previous run (:since) whose day is frozen and whose entered_at is later than anything that day's run saw.
-- The days entered since :since are found once, through the entered_at index (an uncorrelated IN); only those days'
-- rows are then compared with max_entered_at. (A join of eod_run with the ledger reads every frozen day's rows.)
SELECT r.summary_date
FROM eod_run r
WHERE r.summary_date IN (SELECT t.tx_date FROM stock_transaction t WHERE t.entered_at > :since)
  AND (r.max_entered_at IS NULL
       OR EXISTS (SELECT 1 FROM stock_transaction b
                  WHERE b.tx_date = r.summary_date AND b.entered_at > :since AND b.entered_at > r.max_entered_at))
ORDER BY r.summary_date
