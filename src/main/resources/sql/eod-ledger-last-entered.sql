-- End-of-Day: the latest entry time in the whole ledger (read at the start of a run; the next run looks for
-- backdated entries only among rows entered after it).
SELECT MAX(entered_at) AS last_entered FROM stock_transaction
