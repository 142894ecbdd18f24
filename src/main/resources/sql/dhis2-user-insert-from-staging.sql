-- F1: add the DHIS2 users not imported yet.
INSERT INTO dhis2_user (uid, username, first_name, surname, email, phone_number, disabled, synced_at)
SELECT s.uid, s.username, s.first_name, s.surname, s.email, s.phone_number, s.disabled, :now
  FROM dhis2_user_staging s
 WHERE NOT EXISTS (SELECT 1 FROM dhis2_user u WHERE u.uid = s.uid)
