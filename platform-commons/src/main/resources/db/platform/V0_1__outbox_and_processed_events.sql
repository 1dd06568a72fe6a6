-- Tables of platform-commons' messaging entities (OutboxEvent, ProcessedEvent), created in every service's own
-- database through the Flyway location db/platform: one definition for the three services.

-- Transactional outbox: written with the state change, published by the relay.
CREATE TABLE outbox_event (
    event_id     uuid         PRIMARY KEY,
    seq          bigserial    NOT NULL,
    topic        varchar(100) NOT NULL,
    aggregate_id varchar(200) NOT NULL,
    event_type   varchar(100) NOT NULL,
    envelope     text         NOT NULL,
    created_at   timestamptz  NOT NULL,
    published_at timestamptz
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

-- Events of other services already applied here (idempotent consumption).
CREATE TABLE processed_event (
    event_id     uuid         PRIMARY KEY,
    topic        varchar(100) NOT NULL,
    event_type   varchar(100) NOT NULL,
    processed_at timestamptz  NOT NULL
);
