-- Requisition fetch: the requisition an event was imported into (named in the review of a later change).
SELECT r.requisition_number
FROM requisition_line l
JOIN requisition r ON r.id = l.requisition_id
WHERE l.source_event_uid = :eventUid
