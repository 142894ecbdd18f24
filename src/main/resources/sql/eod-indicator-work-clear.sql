-- End-of-Day: empty the indicators computed for the previous period.
DELETE FROM eod_indicator_work
