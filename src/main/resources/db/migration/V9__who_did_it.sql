-- Who did it, where the operator looks: each line of a request's history, and each document
-- (attached by). Empty for what was done before accounts.
ALTER TABLE request_event ADD COLUMN operator VARCHAR(100);
ALTER TABLE document ADD COLUMN attached_by VARCHAR(100);
