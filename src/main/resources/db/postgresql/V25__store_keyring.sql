-- The key ring of a store on a database server several PCs share (the key file's content: the store
-- key wrapped for each account's password, the office's key pair sealed under it), so that every
-- officer's PC signs in the same way. A store in an H2 file keeps its key file beside it instead.
CREATE TABLE store_keyring (
    id              INTEGER       NOT NULL,
    content         TEXT NOT NULL,
    CONSTRAINT pk_store_keyring PRIMARY KEY (id)
);
