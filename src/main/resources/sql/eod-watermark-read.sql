-- End-of-Day: the latest ledger entry time seen at the start of the previous run.
SELECT value FROM watermark WHERE name = 'end-of-day-entered-at'
