-- An item or store the push could not map, with why (once per run).
INSERT INTO not_mapped (kind, ref, reason, seen_at)
SELECT :kind, :ref, :reason, :now
WHERE NOT EXISTS (SELECT 1 FROM not_mapped WHERE kind = :kind AND ref = :ref)
