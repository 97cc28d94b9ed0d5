-- The catalog (issue 3): categories with attribute schemas, standardised products, supplier offers
-- with their moderated revisions and the live listings buyers see, the staff's FX, freight and duty
-- tables, sample requests and price alerts.

-- A tree of categories. `attributes` is the schema products of the category must satisfy:
-- [{"key", "name_en", "name_zh", "kind": {"type": "number", "unit"} | {"type": "enumeration",
-- "options"} | {"type": "text"} | {"type": "boolean"}, "required"}], checked by rules::catalog.
create table category (
    category_id uuid primary key,
    parent_id uuid references category (category_id) on delete restrict,
    code text not null constraint category_code_format check (code ~ '^[a-z0-9][a-z0-9-]{1,59}$'),
    name_en text not null constraint category_name_en_length check (char_length(name_en) between 1 and 100),
    name_zh text not null constraint category_name_zh_length check (char_length(name_zh) between 1 and 100),
    attributes jsonb not null default '[]',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint category_code_key unique (code)
);

create index category_parent_idx on category (parent_id);

-- A standardised SKU. Staff create approved products; suppliers propose products that staff
-- approve or reject (with a reason the supplier sees). Only approved products are visible to buyers.
create table product (
    product_id uuid primary key,
    category_id uuid not null references category (category_id) on delete restrict,
    sku text not null constraint product_sku_format check (sku ~ '^[A-Z0-9][A-Z0-9-]{2,59}$'),
    name_en text not null constraint product_name_en_length check (char_length(name_en) between 1 and 200),
    name_zh text not null constraint product_name_zh_length check (char_length(name_zh) between 1 and 200),
    description_en text not null default '' constraint product_description_en_length check (char_length(description_en) <= 4000),
    description_zh text not null default '' constraint product_description_zh_length check (char_length(description_zh) <= 4000),
    -- {"key": value} checked against the category's schema; numbers as JSON strings (decimals).
    attributes jsonb not null default '{}',
    -- The unit of measure offers are priced in ("t", "pc", "kg", "m").
    unit text not null constraint product_unit_length check (char_length(unit) between 1 and 20),
    status text not null constraint product_status_valid check (status in ('pending', 'approved', 'rejected')),
    review_reason text,
    -- Claim-filter words found in the texts, for the reviewer.
    flagged_terms text[] not null default '{}',
    proposed_by uuid references organisation (organisation_id) on delete set null,
    reviewed_by uuid references account (account_id) on delete set null,
    reviewed_at timestamptz,
    -- English words and Chinese character n-grams built by rules::search, names weighted above
    -- descriptions; written with every change of the texts.
    search_doc tsvector not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint product_sku_key unique (sku)
);

create index product_search_idx on product using gin (search_doc) where status = 'approved';
create index product_category_idx on product (category_id) where status = 'approved';
create index product_pending_idx on product (created_at) where status = 'pending';

-- An offer's identity: which supplier sells which product, under the supplier's own reference
-- (the key CSV imports match rows on). Its content lives in revisions.
create table offer (
    offer_id uuid primary key,
    product_id uuid not null references product (product_id) on delete restrict,
    supplier_id uuid not null references organisation (organisation_id) on delete cascade,
    reference text not null constraint offer_reference_length check (char_length(reference) between 1 and 60),
    withdrawn_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint offer_reference_key unique (supplier_id, reference)
);

create index offer_supplier_idx on offer (supplier_id, updated_at desc);

-- Every version of an offer a supplier submitted: `content` is the validated offer input as JSON.
-- Staff review pending revisions; approving one makes it the listing (and supersedes the
-- previous one). An edit never hides the approved listing while it waits.
create table offer_revision (
    revision_id uuid primary key,
    offer_id uuid not null references offer (offer_id) on delete cascade,
    content jsonb not null,
    status text not null constraint offer_revision_status_valid check (
        status in ('pending', 'approved', 'rejected', 'superseded')
    ),
    flagged_terms text[] not null default '{}',
    review_reason text,
    submitted_by uuid not null references account (account_id) on delete cascade,
    submitted_at timestamptz not null default now(),
    reviewed_by uuid references account (account_id) on delete set null,
    reviewed_at timestamptz
);

create index offer_revision_offer_idx on offer_revision (offer_id, submitted_at desc);
create index offer_revision_pending_idx on offer_revision (submitted_at) where status = 'pending';

-- What buyers see: the approved revision of each offer, in typed columns for search, facets and
-- comparison. Only approval writes a row; withdrawal deletes it. Nothing unreviewed is here.
create table listing (
    offer_id uuid primary key references offer (offer_id) on delete cascade,
    revision_id uuid not null references offer_revision (revision_id) on delete restrict,
    product_id uuid not null references product (product_id) on delete restrict,
    category_id uuid not null references category (category_id) on delete restrict,
    supplier_id uuid not null references organisation (organisation_id) on delete cascade,
    -- [{"min_quantity": "100", "unit_price": "612.50"}], increasing breaks (rules::pricing::tiers).
    tiers jsonb not null,
    moq numeric(19, 4) not null constraint listing_moq_positive check (moq > 0),
    lead_time_days integer not null constraint listing_lead_time_range check (lead_time_days between 0 and 730),
    incoterm text not null constraint listing_incoterm_valid check (incoterm in ('EXW', 'FCA', 'FOB', 'CIF', 'DAP', 'DDP')),
    origin_country text not null constraint listing_origin_format check (origin_country ~ '^[A-Z]{2}$'),
    origin_region text not null,
    currency text not null constraint listing_currency_format check (currency ~ '^[A-Z]{3}$'),
    -- The first tier's price: a rough "from" price for result lists, in `currency`.
    from_price numeric(19, 4) not null,
    stock numeric(19, 4) constraint listing_stock_not_negative check (stock >= 0),
    valid_from date not null,
    valid_until date not null,
    sample_available boolean not null,
    sample_price numeric(19, 4),
    -- Days between paying and receiving the goods that the payment term asks for.
    payment_days integer not null constraint listing_payment_days_range check (payment_days between 0 and 365),
    approved_at timestamptz not null,
    constraint listing_validity_ordered check (valid_until >= valid_from)
);

create index listing_product_idx on listing (product_id);
create index listing_category_idx on listing (category_id);
create index listing_supplier_idx on listing (supplier_id);

-- Words that stop a listing (sensitive: refused at submission) or that a reviewer must look at
-- (claim: "best quality", "100% guaranteed", "国家级"). Matching ignores case.
create table moderation_term (
    term text primary key constraint moderation_term_length check (char_length(term) between 1 and 60),
    kind text not null constraint moderation_term_kind_valid check (kind in ('sensitive', 'claim')),
    created_by uuid references account (account_id) on delete set null,
    created_at timestamptz not null default now()
);

-- Staff-maintained exchange rates: 1 base = rate quote from valid_from on (rules::pricing::fx).
create table fx_rate (
    base text not null constraint fx_rate_base_format check (base ~ '^[A-Z]{3}$'),
    quote text not null constraint fx_rate_quote_format check (quote ~ '^[A-Z]{3}$'),
    rate numeric(20, 10) not null constraint fx_rate_positive check (rate > 0),
    valid_from date not null,
    created_by uuid references account (account_id) on delete set null,
    created_at timestamptz not null default now(),
    constraint fx_rate_pkey primary key (base, quote, valid_from),
    constraint fx_rate_distinct check (base <> quote)
);

-- Freight by the offer's incoterm, origin region and the buyer's destination region.
create table freight_rate (
    incoterm text not null constraint freight_rate_incoterm_valid check (incoterm in ('EXW', 'FCA', 'FOB')),
    origin_region text not null,
    destination_region text not null,
    basis text not null constraint freight_rate_basis_valid check (basis in ('per_unit', 'per_shipment')),
    amount numeric(19, 4) not null constraint freight_rate_amount_not_negative check (amount >= 0),
    currency text not null constraint freight_rate_currency_format check (currency ~ '^[A-Z]{3}$'),
    updated_by uuid references account (account_id) on delete set null,
    updated_at timestamptz not null default now(),
    constraint freight_rate_pkey primary key (incoterm, origin_region, destination_region)
);

-- Import duty in percent of the customs value, by category and destination region.
create table duty_rate (
    category_id uuid not null references category (category_id) on delete cascade,
    destination_region text not null,
    percent numeric(7, 4) not null constraint duty_rate_range check (percent between 0 and 1000),
    updated_by uuid references account (account_id) on delete set null,
    updated_at timestamptz not null default now(),
    constraint duty_rate_pkey primary key (category_id, destination_region)
);

-- A buyer asks a supplier for a sample of an offer; the supplier accepts (with the shipping
-- reference) or declines (with a reason). Both sides see the status.
create table sample_request (
    request_id uuid primary key,
    offer_id uuid not null references offer (offer_id) on delete cascade,
    buyer_id uuid not null references organisation (organisation_id) on delete cascade,
    supplier_id uuid not null references organisation (organisation_id) on delete cascade,
    requested_by uuid not null references account (account_id) on delete cascade,
    quantity numeric(19, 4) not null constraint sample_request_quantity_positive check (quantity > 0),
    note text not null default '' constraint sample_request_note_length check (char_length(note) <= 1000),
    status text not null constraint sample_request_status_valid check (status in ('requested', 'accepted', 'declined')),
    shipping_reference text,
    decline_reason text,
    decided_by uuid references account (account_id) on delete set null,
    decided_at timestamptz,
    created_at timestamptz not null default now(),
    constraint sample_request_decision_complete check (
        (status = 'requested' and decided_at is null)
        or (status = 'accepted' and shipping_reference is not null and decided_at is not null)
        or (status = 'declined' and decline_reason is not null and decided_at is not null)
    )
);

create index sample_request_buyer_idx on sample_request (buyer_id, created_at desc);
create index sample_request_supplier_idx on sample_request (supplier_id, created_at desc);

-- A buyer watches a product: when an approved listing's landed unit cost (at the quantity, to the
-- destination, in the currency) falls to or below the target, the buyer is notified once.
create table price_alert (
    alert_id uuid primary key,
    buyer_id uuid not null references organisation (organisation_id) on delete cascade,
    account_id uuid not null references account (account_id) on delete cascade,
    product_id uuid not null references product (product_id) on delete cascade,
    quantity numeric(19, 4) not null constraint price_alert_quantity_positive check (quantity > 0),
    destination_region text not null,
    currency text not null constraint price_alert_currency_format check (currency ~ '^[A-Z]{3}$'),
    target_unit_cost numeric(19, 4) not null constraint price_alert_target_positive check (target_unit_cost > 0),
    triggered_at timestamptz,
    triggered_offer_id uuid references offer (offer_id) on delete set null,
    triggered_unit_cost numeric(19, 4),
    created_at timestamptz not null default now()
);

create index price_alert_product_idx on price_alert (product_id) where triggered_at is null;
create index price_alert_account_idx on price_alert (account_id, created_at desc);

-- In-app notices to one person (buyers' price alerts, sample request decisions). `payload` holds
-- the kind's facts; the UI words them in the reader's language.
create table account_notification (
    notification_id uuid primary key,
    account_id uuid not null references account (account_id) on delete cascade,
    kind text not null constraint account_notification_kind_valid check (
        kind in ('price_alert', 'sample_requested', 'sample_accepted', 'sample_declined', 'listing_approved', 'listing_rejected')
    ),
    payload jsonb not null,
    read_at timestamptz,
    created_at timestamptz not null default now()
);

create index account_notification_account_idx on account_notification (account_id, created_at desc);
