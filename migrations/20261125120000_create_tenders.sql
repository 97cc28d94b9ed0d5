-- Tenders with live reverse auctions (issue 4). A tender has lots; each lot is its own auction
-- whose rule set and state are the JSON forms of `rules::auction::{LotRules, LotState}`. The
-- per-lot sequencer is the only writer of a lot's state once it is scheduled: every write is
-- conditional on `version`, so a second server instance (or a stale sequencer) can never
-- overwrite a newer state, it reloads and retries instead.

create table tender (
    tender_id uuid primary key,
    reference text not null unique,
    buyer_organisation_id uuid not null references organisation (organisation_id) on delete cascade,
    created_by uuid not null references account (account_id) on delete cascade,
    title text not null constraint tender_title_length check (char_length(title) between 3 and 200),
    description text not null default '' constraint tender_description_length check (char_length(description) <= 5000),
    currency char(3) not null,
    -- The lowest score band allowed to bid; null lets every approved, non-blocked supplier bid.
    minimum_band text constraint tender_minimum_band_valid check (minimum_band in ('warned', 'standard', 'preferred')),
    -- A bid bond each invited supplier must lodge; null when none is required.
    bid_bond numeric(19, 4) constraint tender_bid_bond_positive check (bid_bond > 0),
    published_at timestamptz,
    created_at timestamptz not null default now()
);

create index tender_buyer_idx on tender (buyer_organisation_id, created_at desc);

create sequence tender_reference_seq;

create table tender_invitation (
    tender_id uuid not null references tender (tender_id) on delete cascade,
    supplier_organisation_id uuid not null references organisation (organisation_id) on delete cascade,
    bond_status text not null default 'not_required' constraint tender_invitation_bond_status_valid check (
        bond_status in ('not_required', 'required', 'lodged', 'waived')
    ),
    invited_at timestamptz not null default now(),
    primary key (tender_id, supplier_organisation_id)
);

create index tender_invitation_supplier_idx on tender_invitation (supplier_organisation_id);

create table lot (
    lot_id uuid primary key,
    tender_id uuid not null references tender (tender_id) on delete cascade,
    position integer not null,
    title text not null constraint lot_title_length check (char_length(title) between 1 and 200),
    specification text not null default '' constraint lot_specification_length check (char_length(specification) <= 5000),
    quantity numeric(19, 4) not null constraint lot_quantity_positive check (quantity > 0),
    unit text not null constraint lot_unit_length check (char_length(unit) between 1 and 20),
    rules jsonb not null,
    state jsonb not null,
    -- Copies of state fields, for queries (due lots, lists) without decoding the JSON.
    phase text not null constraint lot_phase_valid check (
        phase in ('draft', 'scheduled', 'open', 'closed', 'awarded', 'cancelled')
    ),
    sequence bigint not null default 0,
    opens_at timestamptz not null,
    ends_at timestamptz not null,
    -- Bumped by every write; the sequencer's optimistic lock.
    version bigint not null default 0,
    -- The number of audit entries and the hash of the last one (empty before the first).
    audit_length bigint not null default 0,
    audit_head text not null default '',
    unique (tender_id, position)
);

create index lot_live_idx on lot (phase) where phase in ('scheduled', 'open');

-- The numbered events of a lot, gapless per lot (the primary key refuses a duplicate number).
create table lot_event (
    lot_id uuid not null references lot (lot_id) on delete cascade,
    sequence bigint not null,
    at timestamptz not null,
    kind text not null,
    payload jsonb not null,
    primary key (lot_id, sequence)
);

-- Append-only, hash-chained audit log per lot (see rules::audit_chain): every bid attempt,
-- accepted or refused, every event and every state change.
create table lot_audit (
    lot_id uuid not null references lot (lot_id) on delete cascade,
    position bigint not null,
    at timestamptz not null,
    kind text not null,
    payload jsonb not null,
    previous_hash text not null,
    hash text not null,
    primary key (lot_id, position)
);

-- The first answer to each idempotency key, replayed to retries.
create table bid_request (
    lot_id uuid not null references lot (lot_id) on delete cascade,
    supplier_organisation_id uuid not null references organisation (organisation_id) on delete cascade,
    idempotency_key uuid not null,
    response jsonb not null,
    created_at timestamptz not null default now(),
    primary key (lot_id, supplier_organisation_id, idempotency_key)
);

-- The order draft an award creates for the winner; orders proper come with later work.
create table order_draft (
    order_id uuid primary key,
    lot_id uuid not null unique references lot (lot_id) on delete cascade,
    buyer_organisation_id uuid not null references organisation (organisation_id) on delete cascade,
    supplier_organisation_id uuid not null references organisation (organisation_id) on delete cascade,
    unit_price numeric(19, 4) not null,
    quantity numeric(19, 4) not null,
    currency char(3) not null,
    created_at timestamptz not null default now()
);
