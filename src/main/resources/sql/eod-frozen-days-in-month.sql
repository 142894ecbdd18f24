-- End-of-Day: how many days of a month are frozen up to a day, and the last of them.
SELECT COUNT(*) AS frozen_days, MAX(summary_date) AS last_day
FROM eod_run
WHERE summary_date BETWEEN :monthStart AND :lastDay
