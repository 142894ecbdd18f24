-- End-of-Day: the record of the day's run. status FROZEN the first time, RESTATED when run again.
INSERT INTO eod_run (summary_date, status, rows_frozen, started_at, finished_at, max_entered_at)
VALUES (:day, :status, :rowsFrozen, :startedAt, :finishedAt, :maxEnteredAt)
