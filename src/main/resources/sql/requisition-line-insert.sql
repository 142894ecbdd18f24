-- Requisition fetch: one line per DHIS2 event; source_event_uid is unique, so an event can never become two lines.
INSERT INTO requisition_line (requisition_id, item_id, requested_quantity, stock_on_hand_reported, source_event_uid)
VALUES (:requisitionId, :itemId, :requestedQuantity, :stockOnHandReported, :sourceEventUid)
