-- Every signed answer of the Dinas Sosial that was applied, by the id it carries: the same answer read
-- again is known as applied, and an answer is only ever about the bundle it names.
CREATE TABLE response_applied (
    id          VARCHAR(64)              NOT NULL,
    bundle_id   UUID                     NOT NULL,
    applied_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    changed     INTEGER                  NOT NULL,
    CONSTRAINT pk_response_applied PRIMARY KEY (id),
    CONSTRAINT fk_response_applied_bundle FOREIGN KEY (bundle_id) REFERENCES bundle (id)
);
