-- End-of-Day: empty the opening balances of the previous day computed.
DELETE FROM eod_opening
