-- Requisition fetch: an event set aside (bad data, or changed in DHIS2 after its import), with the reason.
INSERT INTO rejected_input (flow, source_ref, reason, payload)
VALUES ('requisition-fetch', :eventUid, :reason, :payload)
