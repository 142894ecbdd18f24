-- End-of-Day: the hierarchy levels, from the central store down.
SELECT DISTINCT depth FROM eod_store_depth ORDER BY depth
