-- Supplier qualification: the company profile, uploaded documents and the audit trail of every
-- decision. A supplier organisation has at most one profile; its status is null until submitted.

create table supplier_profile (
    organisation_id uuid primary key references organisation (organisation_id) on delete cascade,
    legal_name text not null constraint supplier_profile_legal_name_length check (char_length(legal_name) between 2 and 200),
    registration_number text not null constraint supplier_profile_registration_number_length check (char_length(registration_number) between 1 and 100),
    address text not null constraint supplier_profile_address_length check (char_length(address) between 1 and 500),
    categories text[] not null constraint supplier_profile_categories_not_empty check (cardinality(categories) > 0),
    production_capacity text not null constraint supplier_profile_production_capacity_length check (char_length(production_capacity) between 1 and 200),
    status text constraint supplier_profile_status_valid check (
        status in ('applied', 'under_review', 'approved', 'rejected', 'suspended')
    ),
    -- The latest rejection or suspension reason, shown to the supplier.
    status_reason text,
    submitted_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

-- The reviewers' queue: applications waiting for staff, oldest first.
create index supplier_profile_queue_idx on supplier_profile (submitted_at)
    where status in ('applied', 'under_review');

create table supplier_document (
    document_id uuid primary key,
    organisation_id uuid not null references organisation (organisation_id) on delete cascade,
    kind text not null constraint supplier_document_kind_valid check (
        kind in ('business_licence', 'iso9001', 'sgs_test_report', 'ce', 'other_certificate')
    ),
    number text not null,
    issuer text not null,
    expires_on date,
    file_name text not null,
    content_type text not null,
    size_bytes bigint not null constraint supplier_document_size_positive check (size_bytes > 0),
    sha256 text not null,
    content bytea not null,
    review text not null default 'pending' constraint supplier_document_review_valid check (
        review in ('pending', 'approved', 'rejected')
    ),
    review_note text,
    reviewed_by uuid references account (account_id) on delete set null,
    reviewed_at timestamptz,
    uploaded_by uuid not null references account (account_id) on delete cascade,
    uploaded_at timestamptz not null default now()
);

create index supplier_document_organisation_idx on supplier_document (organisation_id, uploaded_at);
create index supplier_document_pending_idx on supplier_document (organisation_id) where review = 'pending';

create table qualification_event (
    event_id uuid primary key,
    organisation_id uuid not null references organisation (organisation_id) on delete cascade,
    actor_id uuid not null references account (account_id) on delete cascade,
    action text not null,
    note text,
    status_after text constraint qualification_event_status_after_valid check (
        status_after in ('applied', 'under_review', 'approved', 'rejected', 'suspended')
    ),
    at timestamptz not null default now()
);

create index qualification_event_organisation_idx on qualification_event (organisation_id, at);
