-- A link confirming a new address for an existing account (issue 14): the account keeps its
-- address until the link, mailed to the new one, is opened.
ALTER TYPE "AccountTokenPurpose" ADD VALUE 'CHANGE_EMAIL';
