-- End-of-Day: the day's previous run record, replaced when the day is run again.
DELETE FROM eod_run WHERE summary_date = :day
