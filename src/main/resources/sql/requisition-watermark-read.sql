-- Requisition fetch: the latest DHIS2 updatedAt committed so far.
SELECT value FROM watermark WHERE name = 'requisition-fetch'
