-- =====================================================================================================================
-- V8: consignment acknowledgement (F3)
--
-- consignment_receipt: the DHIS2 receipt event that closed a shipment. Its primary key (the event UID) makes a
-- refetched receipt a no-op; the unique shipment_id makes a second receipt of the same shipment impossible.
--
-- rts_transaction: one stock receipt per received shipment line, to be sent to the facility's Real-Time Stock (RTS)
-- tracker program. event_uid is derived from the consignment number and the line, so re-posting it updates the same
-- DHIS2 event and never adds stock twice. status: PENDING (to post; attempts so far), POSTED, DRY_RUN (validated by a
-- non-production instance), DEAD (gave up after consignments.max-attempts; also in dead_letter).
-- previous_balance / stock_on_hand are what was last posted.
-- =====================================================================================================================

CREATE TABLE consignment_receipt (
    event_uid   VARCHAR(11) NOT NULL PRIMARY KEY,
    shipment_id BIGINT      NOT NULL,
    org_unit    VARCHAR(11) NOT NULL,
    received_at TIMESTAMP   NOT NULL,
    applied_at  TIMESTAMP   NOT NULL,
    CONSTRAINT uq_consignment_receipt_shipment UNIQUE (shipment_id)
);

CREATE TABLE rts_transaction (
    shipment_line_id BIGINT        NOT NULL PRIMARY KEY,
    shipment_id      BIGINT        NOT NULL,
    org_unit         VARCHAR(11)   NOT NULL,
    item_code        VARCHAR(100)  NOT NULL,
    quantity         BIGINT        NOT NULL,
    occurred_at      TIMESTAMP     NOT NULL,
    event_uid        VARCHAR(11)   NOT NULL,
    previous_balance BIGINT,
    stock_on_hand    BIGINT,
    status           VARCHAR(10)   NOT NULL DEFAULT 'PENDING',
    attempts         INTEGER       NOT NULL DEFAULT 0,
    last_error       VARCHAR(4000),
    created_at       TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    posted_at        TIMESTAMP,
    CONSTRAINT uq_rts_transaction_event UNIQUE (event_uid),
    CONSTRAINT ck_rts_transaction_status CHECK (status IN ('PENDING', 'POSTED', 'DRY_RUN', 'DEAD'))
);
CREATE INDEX ix_rts_transaction_status ON rts_transaction (status, shipment_line_id);
