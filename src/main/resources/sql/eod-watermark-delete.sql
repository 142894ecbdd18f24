-- End-of-Day: replaced by eod-watermark-insert after each run.
DELETE FROM watermark WHERE name = 'end-of-day-entered-at'
