-- End-of-Day: 1 when daily_summary holds a row of :day (the day was frozen before), else no row.
SELECT 1 AS has_rows FROM daily_summary WHERE summary_date = :day LIMIT 1
