-- The first receipt watermark.
INSERT INTO watermark (name, value, updated_at)
SELECT :name, :value, :now WHERE NOT EXISTS (SELECT 1 FROM watermark WHERE name = :name)
