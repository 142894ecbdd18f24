-- Requisition fetch: the first watermark.
INSERT INTO watermark (name, value) VALUES ('requisition-fetch', :value)
