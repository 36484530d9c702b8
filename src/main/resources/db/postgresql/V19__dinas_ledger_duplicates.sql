-- The district's ledger of people reactivated before (reactivation is possible once): filled from its
-- own endorsed approvals (and, later, from lists it imports); and the duplicate queue's resolutions:
-- a NIK in more than one open request is Terbuka until an officer marks it Bukan ganda (with a reason)
-- or Digabung (one request kept, the others proposed as Ditolak "ganda" naming the kept one).
CREATE TABLE dinas_ledger (
    nik             VARCHAR(40)   NOT NULL,
    source          VARCHAR(40)   NOT NULL,
    request_id      VARCHAR(64),
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_dinas_ledger PRIMARY KEY (nik)
);

CREATE TABLE dinas_duplicate (
    nik             VARCHAR(40)   NOT NULL,
    state           VARCHAR(20)   NOT NULL,
    reason          VARCHAR(300),
    kept_id         VARCHAR(64),
    resolved_by     VARCHAR(100)  NOT NULL,
    resolved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_dinas_duplicate PRIMARY KEY (nik)
);
