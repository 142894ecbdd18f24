-- Moves the receipt watermark (only forward).
UPDATE watermark SET value = :value, updated_at = :now WHERE name = :name AND (value IS NULL OR value < :value)
