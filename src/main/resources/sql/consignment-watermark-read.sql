-- The updatedAt of the newest receipt event applied by a scheduled run.
SELECT value FROM watermark WHERE name = :name
