-- Requisition fetch: the counts so far, written in the same transaction as each page.
UPDATE flow_run SET summary = :summary WHERE id = :id
