-- Organisations, their people, invitations and login attempts: the foundation of access control.

create table organisation (
    organisation_id uuid primary key,
    name text not null constraint organisation_name_length check (char_length(name) between 2 and 200),
    name_zh text constraint organisation_name_zh_length check (char_length(name_zh) <= 200),
    kind text not null constraint organisation_kind_valid check (kind in ('buyer', 'supplier', 'both')),
    industry text,
    city text,
    country text,
    description text constraint organisation_description_length check (char_length(description) <= 2000),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

-- "user" is reserved in SQL; an account is a person who can log in.
create table account (
    account_id uuid primary key,
    organisation_id uuid references organisation (organisation_id) on delete cascade,
    email text not null constraint account_email_lowercase check (email = lower(email)),
    display_name text not null constraint account_display_name_length check (char_length(display_name) between 1 and 100),
    password_hash text not null,
    role text not null constraint account_role_valid check (role in ('admin', 'member', 'operator', 'reviewer')),
    -- Staff belong to no organisation; everyone else belongs to exactly one.
    constraint account_staff_have_no_organisation check (
        (role in ('operator', 'reviewer')) = (organisation_id is null)
    ),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint account_email_key unique (email)
);

create index account_organisation_idx on account (organisation_id);

create table invitation (
    invitation_id uuid primary key,
    organisation_id uuid not null references organisation (organisation_id) on delete cascade,
    email text not null constraint invitation_email_lowercase check (email = lower(email)),
    role text not null constraint invitation_role_valid check (role in ('admin', 'member')),
    -- Only the SHA-256 of the token is stored: a database leak does not leak working links.
    token_hash bytea not null constraint invitation_token_hash_key unique,
    invited_by uuid not null references account (account_id) on delete cascade,
    expires_at timestamptz not null,
    accepted_at timestamptz,
    revoked_at timestamptz,
    created_at timestamptz not null default now()
);

create index invitation_organisation_idx on invitation (organisation_id, created_at desc);

create table login_attempt (
    login_attempt_id uuid primary key,
    email text not null,
    address text not null,
    succeeded boolean not null,
    attempted_at timestamptz not null default now()
);

create index login_attempt_email_idx on login_attempt (email, attempted_at desc);
create index login_attempt_address_idx on login_attempt (address, attempted_at desc) where not succeeded;
