-- A reactivation request (usulan reaktivasi PBI-JK) for one member. What the operator entered is kept
-- as entered; status, urgency, deadline and the number of blocking rules are derived by the request
-- rules and stored so that the dashboard and the lists read them without re-evaluating anything.
CREATE TABLE reactivation_request (
    id               UUID PRIMARY KEY,
    -- the order requests were made in: of two open requests for one NIK, the later is the duplicate
    seq              BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    -- Cascades only reach here when the sample village is cleared (saved members are never deleted).
    household_id     UUID         NOT NULL REFERENCES household (id) ON DELETE CASCADE,
    member_id        UUID         NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    check_date       DATE,
    check_channel    VARCHAR(20),
    bpjs_number      VARCHAR(13),
    deletion_date    DATE,
    route            VARCHAR(10)  NOT NULL CHECK (route IN ('DESA', 'DINSOS')),
    reason           VARCHAR(500),
    urgent_category  VARCHAR(20),
    dtsen_registered BOOLEAN,
    adminduk_padan   BOOLEAN,
    status           VARCHAR(20)  NOT NULL CHECK (status IN ('DRAF', 'SIAP_KIRIM', 'TERKIRIM', 'DISETUJUI',
                                                            'DITOLAK', 'AKTIF_KEMBALI', 'GAGAL')),
    -- derived by the rules
    urgent           BOOLEAN      NOT NULL,
    deadline         DATE,
    blocking         INT          NOT NULL,
    -- set by status changes
    bundle           VARCHAR(100),
    decision_reason  VARCHAR(500),
    reactivated_on   DATE,
    follow_up_due    DATE,
    follow_up_done   DATE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_request_member ON reactivation_request (member_id);
CREATE INDEX ix_request_household ON reactivation_request (household_id);
CREATE INDEX ix_request_status ON reactivation_request (status, urgent, deadline);

-- Every status change, dated, oldest first: the request's history. kind STATUS is a change of status;
-- FOLLOW_UP records the data update that closes a reactivated person's follow-up.
CREATE TABLE request_event (
    request_id UUID         NOT NULL REFERENCES reactivation_request (id) ON DELETE CASCADE,
    seq        INT          NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    kind       VARCHAR(20)  NOT NULL CHECK (kind IN ('STATUS', 'FOLLOW_UP')),
    status     VARCHAR(20)  NOT NULL,
    event_date DATE,
    bundle     VARCHAR(100),
    note       VARCHAR(500),
    PRIMARY KEY (request_id, seq)
);
