-- End-of-Day: the frozen days in a range, oldest first.
SELECT summary_date FROM eod_run WHERE summary_date BETWEEN :fromDay AND :toDay ORDER BY summary_date
