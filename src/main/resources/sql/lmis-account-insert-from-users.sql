-- F1: an LMIS account for every DHIS2 username that has none yet.
INSERT INTO lmis_account (username, dhis2_user_uid, first_name, surname, email, phone_number, enabled, created_at, updated_at)
SELECT u.username, u.uid, u.first_name, u.surname, u.email, u.phone_number, NOT u.disabled, :now, :now
  FROM dhis2_user u
 WHERE NOT EXISTS (SELECT 1 FROM lmis_account a WHERE a.username = u.username)
