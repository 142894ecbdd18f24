-- End-of-Day: each store's depth in the supply hierarchy, walking down from the stores that have no supplying
-- store (the central store is depth 1, its districts 2, their facilities 3, ...).
INSERT INTO eod_store_depth (store_id, depth)
WITH RECURSIVE walk (store_id, depth) AS (
    SELECT s.id, 1 FROM store s WHERE s.supplying_store_id IS NULL
    UNION ALL
    SELECT s.id, w.depth + 1
    FROM store s
    JOIN walk w ON s.supplying_store_id = w.store_id
    WHERE w.depth < 100
)
SELECT store_id, MIN(depth) FROM walk GROUP BY store_id
