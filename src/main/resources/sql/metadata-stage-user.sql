-- F1: one DHIS2 user of a fetched page, kept aside until every page has arrived.
INSERT INTO dhis2_user_staging (uid, username, first_name, surname, email, phone_number, disabled)
VALUES (:uid, :username, :firstName, :surname, :email, :phoneNumber, :disabled)
