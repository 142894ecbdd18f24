-- F1: LMIS accounts follow their DHIS2 user (name, e-mail, phone; disabled in DHIS2 -> disabled here).
UPDATE lmis_account
   SET dhis2_user_uid = (SELECT u.uid FROM dhis2_user u WHERE u.username = lmis_account.username),
       first_name     = (SELECT u.first_name FROM dhis2_user u WHERE u.username = lmis_account.username),
       surname        = (SELECT u.surname FROM dhis2_user u WHERE u.username = lmis_account.username),
       email          = (SELECT u.email FROM dhis2_user u WHERE u.username = lmis_account.username),
       phone_number   = (SELECT u.phone_number FROM dhis2_user u WHERE u.username = lmis_account.username),
       enabled        = (SELECT NOT u.disabled FROM dhis2_user u WHERE u.username = lmis_account.username),
       updated_at     = :now
 WHERE EXISTS (SELECT 1 FROM dhis2_user u WHERE u.username = lmis_account.username)
