-- End-of-Day: the latest frozen day, if any.
SELECT MAX(summary_date) AS last_day FROM eod_run
