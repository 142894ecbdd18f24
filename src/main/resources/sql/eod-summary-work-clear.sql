-- End-of-Day: empty the summary rows computed for the previous day.
DELETE FROM eod_summary_work
