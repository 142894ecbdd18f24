-- F1: a user DHIS2 no longer has is disabled here, never deleted.
UPDATE dhis2_user
   SET disabled = TRUE, synced_at = :now
 WHERE disabled = FALSE
   AND NOT EXISTS (SELECT 1 FROM dhis2_user_staging s WHERE s.uid = dhis2_user.uid)
