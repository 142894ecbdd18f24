-- Whether a DHIS2 receipt event has already been applied.
SELECT event_uid, shipment_id FROM consignment_receipt WHERE event_uid = :eventUid
