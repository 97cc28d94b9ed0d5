-- Issue 5, second slice: document expiry notices, the supplier scorecard (staff settings, score
-- history, the fact tables later work fills), membership tiers, factory audits and sample tests.

-- The expiry job and other automatic decisions act without a person: their audit rows have no actor.
alter table qualification_event alter column actor_id drop not null;

-- In-app notices to a supplier organisation. Structured (kind + data), so each reader sees them in
-- their own language.
create table supplier_notification (
    notification_id uuid primary key,
    organisation_id uuid not null references organisation (organisation_id) on delete cascade,
    kind text not null constraint supplier_notification_kind_valid check (
        kind in ('document_expiring', 'suspended_document_expired', 're_review_started')
    ),
    document_id uuid references supplier_document (document_id) on delete cascade,
    document_kind text,
    threshold text constraint supplier_notification_threshold_valid check (threshold in ('thirty_days', 'seven_days')),
    expires_on date,
    read_at timestamptz,
    created_at timestamptz not null default now()
);

-- A warning goes out once per document and threshold, whatever the job does (reruns, two instances).
create unique index supplier_notification_once_key on supplier_notification (document_id, threshold)
    where kind = 'document_expiring';
create index supplier_notification_organisation_idx on supplier_notification (organisation_id, created_at desc);

-- E-mails waiting to be sent by a mailer (not part of this work): written in the same transaction as
-- the notice they announce, so none is lost or doubled.
create table email_outbox (
    email_id uuid primary key,
    to_address text not null,
    template text not null,
    payload jsonb not null,
    created_at timestamptz not null default now(),
    sent_at timestamptz
);

create index email_outbox_unsent_idx on email_outbox (created_at) where sent_at is null;

-- Staff's scorecard settings, one row per change (history kept); the newest row applies, and the
-- rules' defaults apply while there is none.
create table scorecard_setting (
    setting_id uuid primary key,
    weight_on_time_delivery numeric(10, 4) not null,
    weight_quality_acceptance numeric(10, 4) not null,
    weight_rfq_response_rate numeric(10, 4) not null,
    weight_quote_win_rate numeric(10, 4) not null,
    weight_dispute_rate numeric(10, 4) not null,
    weight_buyer_rating numeric(10, 4) not null,
    threshold_warned numeric(7, 4) not null,
    threshold_standard numeric(7, 4) not null,
    threshold_preferred numeric(7, 4) not null,
    changed_by uuid references account (account_id) on delete set null,
    created_at timestamptz not null default now()
);

create index scorecard_setting_created_idx on scorecard_setting (created_at desc);

-- A supplier's score per period (calendar month, UTC); recomputing updates the period's row, so
-- past periods stay as they were.
create table supplier_score (
    organisation_id uuid not null references organisation (organisation_id) on delete cascade,
    period_start date not null,
    score numeric(5, 2) not null constraint supplier_score_range check (score between 0 and 100),
    stars numeric(2, 1) not null,
    band text not null constraint supplier_score_band_valid check (band in ('blocked', 'warned', 'standard', 'preferred')),
    -- The rules' explanation (criterion lines) as computed, for "how was this computed".
    lines jsonb not null,
    computed_at timestamptz not null,
    constraint supplier_score_pkey primary key (organisation_id, period_start)
);

-- Fact tables the scorecard reads. Orders, RFQs and ratings arrive with later work, which fills them.
create table delivery_record (
    delivery_id uuid primary key,
    supplier_id uuid not null references organisation (organisation_id) on delete cascade,
    order_id uuid not null,
    promised_on date not null,
    delivered_on date not null,
    recorded_at timestamptz not null default now()
);
create index delivery_record_supplier_idx on delivery_record (supplier_id, recorded_at);

create table quality_inspection (
    inspection_id uuid primary key,
    supplier_id uuid not null references organisation (organisation_id) on delete cascade,
    delivery_id uuid references delivery_record (delivery_id) on delete set null,
    accepted boolean not null,
    inspected_at timestamptz not null default now()
);
create index quality_inspection_supplier_idx on quality_inspection (supplier_id, inspected_at);

create table order_dispute (
    dispute_id uuid primary key,
    supplier_id uuid not null references organisation (organisation_id) on delete cascade,
    order_id uuid not null,
    opened_at timestamptz not null default now()
);
create index order_dispute_supplier_idx on order_dispute (supplier_id, opened_at);

create table buyer_rating (
    rating_id uuid primary key,
    supplier_id uuid not null references organisation (organisation_id) on delete cascade,
    buyer_id uuid not null references organisation (organisation_id) on delete cascade,
    order_id uuid,
    stars smallint not null constraint buyer_rating_stars_range check (stars between 1 and 5),
    comment text constraint buyer_rating_comment_length check (char_length(comment) <= 2000),
    rated_at timestamptz not null default now()
);
create index buyer_rating_supplier_idx on buyer_rating (supplier_id, rated_at);

-- One row per supplier invited to an RFQ: answered when quoted_at is set, won when won_at is set.
create table rfq_response (
    rfq_id uuid not null,
    supplier_id uuid not null references organisation (organisation_id) on delete cascade,
    invited_at timestamptz not null default now(),
    quoted_at timestamptz,
    won_at timestamptz,
    constraint rfq_response_pkey primary key (rfq_id, supplier_id)
);
create index rfq_response_supplier_idx on rfq_response (supplier_id, invited_at);

-- Membership tier granted by staff; a supplier without a row is regular.
create table supplier_tier (
    organisation_id uuid primary key references organisation (organisation_id) on delete cascade,
    tier text not null constraint supplier_tier_valid check (tier in ('regular', 'vip', 'strategic')),
    granted_by uuid references account (account_id) on delete set null,
    granted_at timestamptz not null default now()
);

-- Staff's factory audits and sample test results (also entered in the qualification audit trail).
create table factory_audit (
    audit_id uuid primary key,
    organisation_id uuid not null references organisation (organisation_id) on delete cascade,
    audited_on date not null,
    auditor text not null constraint factory_audit_auditor_length check (char_length(auditor) between 1 and 200),
    result text not null constraint factory_audit_result_valid check (result in ('pass', 'conditional', 'fail')),
    score smallint not null constraint factory_audit_score_range check (score between 0 and 100),
    notes text not null default '' constraint factory_audit_notes_length check (char_length(notes) <= 2000),
    recorded_by uuid references account (account_id) on delete set null,
    recorded_at timestamptz not null default now()
);
create index factory_audit_organisation_idx on factory_audit (organisation_id, audited_on desc);

create table sample_test (
    test_id uuid primary key,
    organisation_id uuid not null references organisation (organisation_id) on delete cascade,
    tested_on date not null,
    product text not null constraint sample_test_product_length check (char_length(product) between 1 and 200),
    laboratory text not null constraint sample_test_laboratory_length check (char_length(laboratory) between 1 and 200),
    passed boolean not null,
    notes text not null default '' constraint sample_test_notes_length check (char_length(notes) <= 2000),
    recorded_by uuid references account (account_id) on delete set null,
    recorded_at timestamptz not null default now()
);
create index sample_test_organisation_idx on sample_test (organisation_id, tested_on desc);

-- Photos taken during a factory audit (PNG or JPEG, checked by content like supplier documents).
create table factory_audit_photo (
    photo_id uuid primary key,
    audit_id uuid not null references factory_audit (audit_id) on delete cascade,
    file_name text not null,
    content_type text not null,
    size_bytes bigint not null constraint factory_audit_photo_size_positive check (size_bytes > 0),
    sha256 text not null,
    content bytea not null,
    uploaded_by uuid references account (account_id) on delete set null,
    uploaded_at timestamptz not null default now()
);
create index factory_audit_photo_audit_idx on factory_audit_photo (audit_id, uploaded_at);
