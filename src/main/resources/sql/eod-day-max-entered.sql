-- End-of-Day: the latest entry time among the day's ledger rows, recorded in eod_run.max_entered_at.
SELECT MAX(entered_at) AS max_entered FROM stock_transaction WHERE tx_date = :day
