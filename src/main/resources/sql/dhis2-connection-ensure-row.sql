-- The single row that holds the state of the DHIS2 connection; created on first use.
INSERT INTO dhis2_connection (id, base_url)
SELECT 1, :baseUrl
WHERE NOT EXISTS (SELECT 1 FROM dhis2_connection WHERE id = 1)
