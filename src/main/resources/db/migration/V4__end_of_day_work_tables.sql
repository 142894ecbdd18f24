-- =====================================================================================================================
-- V4: End-of-Day (F4) working tables
--
-- The End-of-Day run computes a day in SQL, set-based, and needs a few scratch tables to do it in steps that run
-- unchanged on H2 (PostgreSQL mode) and PostgreSQL. They hold only the day being computed (emptied at the start of
-- each step, inside the day's transaction); runs are serialised, so they are never shared between two days.
-- daily_summary, eod_run and stock_indicator (V2, V3) are not altered.
-- =====================================================================================================================

-- Each store's depth in the supply hierarchy (1 = a store with no supplying store, such as the central store),
-- refreshed at the start of every run. The summary is computed level by level, from the central store down.
-- Stores outside any chain from a root (a cycle in supplying_store_id) get depth 1000 so they are still summarised.
CREATE TABLE eod_store_depth (
    store_id BIGINT  NOT NULL PRIMARY KEY,
    depth    INTEGER NOT NULL
);

-- The opening balance of each store and item for the day being computed: the previous day's closing balance (and
-- the ledger balance it carried), or, when the previous day was never frozen, the ledger's balance before the day.
CREATE TABLE eod_opening (
    store_id        BIGINT NOT NULL,
    item_id         BIGINT NOT NULL,
    opening_balance BIGINT NOT NULL,
    ledger_balance  BIGINT,
    CONSTRAINT pk_eod_opening PRIMARY KEY (store_id, item_id)
);

-- The day's summary rows as just computed, before they are compared with what daily_summary holds: only rows that
-- differ are written, so computed_at and restated change only where a value changed.
CREATE TABLE eod_summary_work (
    store_id              BIGINT NOT NULL,
    item_id               BIGINT NOT NULL,
    opening_balance       BIGINT NOT NULL,
    arrivals              BIGINT NOT NULL,
    requisitions_received BIGINT NOT NULL,
    distributions_out     BIGINT NOT NULL,
    returns_in            BIGINT NOT NULL,
    returns_out           BIGINT NOT NULL,
    adjustments           BIGINT NOT NULL,
    dispensing            BIGINT NOT NULL,
    wastage               BIGINT NOT NULL,
    closing_balance       BIGINT NOT NULL,
    ledger_balance        BIGINT,
    discrepancy           BIGINT NOT NULL,
    CONSTRAINT pk_eod_summary_work PRIMARY KEY (store_id, item_id)
);

-- Indicators as just computed, compared with stock_indicator the same way.
CREATE TABLE eod_indicator_work (
    store_id        BIGINT        NOT NULL,
    item_id         BIGINT        NOT NULL,
    period          VARCHAR(20)   NOT NULL,
    indicator       VARCHAR(40)   NOT NULL,
    indicator_value NUMERIC(20,4),
    CONSTRAINT pk_eod_indicator_work PRIMARY KEY (store_id, item_id, period, indicator)
);

-- A ledger row is rejected once: re-running or restating a day looks its earlier rejection up by source_ref.
CREATE INDEX ix_rejected_input_source ON rejected_input (flow, source_ref);
