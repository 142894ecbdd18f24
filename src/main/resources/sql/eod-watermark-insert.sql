-- End-of-Day: the latest ledger entry time seen at the start of this run.
INSERT INTO watermark (name, value, updated_at) VALUES ('end-of-day-entered-at', :value, :now)
