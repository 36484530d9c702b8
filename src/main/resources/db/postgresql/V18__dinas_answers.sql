-- The answers a Dinas Sosial sends back (issue 28): each bundle keeps the village key that signed it
-- (the answer is encrypted to it) and its name (the answer's file is named after it); each answer
-- file is recorded, and each request it carries points to it, so that nothing is sent twice by mistake.
ALTER TABLE dinas_bundle ADD COLUMN village_public_json VARCHAR(8000);
ALTER TABLE dinas_bundle ADD COLUMN bundle_name VARCHAR(200);
ALTER TABLE dinas_request ADD COLUMN answer_id VARCHAR(64);

CREATE TABLE dinas_answer (
    answer_id       VARCHAR(64)   NOT NULL,
    kode_desa       VARCHAR(20)   NOT NULL,
    bundle_id       VARCHAR(100)  NOT NULL,
    file_name       VARCHAR(300)  NOT NULL,
    decisions       INTEGER       NOT NULL,
    made_by         VARCHAR(100)  NOT NULL,
    made_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_dinas_answer PRIMARY KEY (answer_id)
);
