-- F1: bring every imported DHIS2 user that DHIS2 still has up to date (including its disabled flag).
UPDATE dhis2_user
   SET username     = (SELECT s.username FROM dhis2_user_staging s WHERE s.uid = dhis2_user.uid),
       first_name   = (SELECT s.first_name FROM dhis2_user_staging s WHERE s.uid = dhis2_user.uid),
       surname      = (SELECT s.surname FROM dhis2_user_staging s WHERE s.uid = dhis2_user.uid),
       email        = (SELECT s.email FROM dhis2_user_staging s WHERE s.uid = dhis2_user.uid),
       phone_number = (SELECT s.phone_number FROM dhis2_user_staging s WHERE s.uid = dhis2_user.uid),
       disabled     = (SELECT s.disabled FROM dhis2_user_staging s WHERE s.uid = dhis2_user.uid),
       synced_at    = :now
 WHERE EXISTS (SELECT 1 FROM dhis2_user_staging s WHERE s.uid = dhis2_user.uid)
