-- How many stores the LMIS database has; demo data is only generated into an empty one.
SELECT COUNT(*) AS stores FROM store
