-- End-of-Day: forget the store depths of the previous run (stores may have moved in the hierarchy).
DELETE FROM eod_store_depth
