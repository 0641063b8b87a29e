-- Replycast's first schema: terminals, channels, calls and reply messages.
-- Portable SQL for PostgreSQL 15 and H2 2.2: varchar, bigint, integer, boolean and
-- timestamp(6) with time zone (for java.time.Instant); every constraint and index is named.
-- Rows refer to each other by id; the foreign keys restrict deletion, so a channel or terminal
-- is deleted only after its calls and messages.

create table terminal (
    terminal_id         varchar(64)                 not null,
    display_name        varchar(200)                not null,
    secret_ciphertext   varchar(1024)               not null,
    enabled             boolean                     not null,
    auto_answer_seconds integer,
    version             bigint                      not null,
    created_at          timestamp(6) with time zone not null,
    updated_at          timestamp(6) with time zone not null,
    constraint pk_terminal primary key (terminal_id),
    constraint ck_terminal_auto_answer check (auto_answer_seconds is null or auto_answer_seconds >= 0)
);

create table channel (
    channel_id          varchar(64)                 not null,
    name                varchar(200)                not null,
    place               varchar(200),
    time_zone           varchar(64)                 not null,
    source              varchar(2048)               not null,
    max_connected_calls integer                     not null,
    max_call_seconds    integer                     not null,
    max_message_bytes   bigint                      not null,
    max_message_seconds integer                     not null,
    moderation          varchar(16)                 not null,
    forward_url         varchar(2048),
    display_key         varchar(128)                not null,
    status              varchar(16)                 not null,
    status_detail       varchar(1000),
    version             bigint                      not null,
    created_at          timestamp(6) with time zone not null,
    updated_at          timestamp(6) with time zone not null,
    constraint pk_channel primary key (channel_id),
    constraint ck_channel_limits check (max_connected_calls > 0 and max_call_seconds > 0
        and max_message_bytes > 0 and max_message_seconds > 0),
    constraint ck_channel_moderation check (moderation in ('AUTO', 'MANUAL')),
    constraint ck_channel_status check (status in ('STARTING', 'LIVE', 'RESTARTING', 'FAILED', 'STOPPED'))
);

create table call (
    call_id                 varchar(36)                 not null,
    channel_id              varchar(64)                 not null,
    requester_terminal_id   varchar(64)                 not null,
    destination_terminal_id varchar(64)                 not null,
    state                   varchar(16)                 not null,
    created_at              timestamp(6) with time zone not null,
    ringing_at              timestamp(6) with time zone,
    connected_at            timestamp(6) with time zone,
    ended_at                timestamp(6) with time zone,
    reason                  varchar(1000),
    playback_token          varchar(128),
    uplink_token            varchar(128),
    version                 bigint                      not null,
    updated_at              timestamp(6) with time zone not null,
    constraint pk_call primary key (call_id),
    constraint fk_call_channel foreign key (channel_id) references channel (channel_id),
    constraint fk_call_requester foreign key (requester_terminal_id) references terminal (terminal_id),
    constraint fk_call_destination foreign key (destination_terminal_id) references terminal (terminal_id),
    constraint uk_call_playback_token unique (playback_token),
    constraint uk_call_uplink_token unique (uplink_token),
    constraint ck_call_state check (state in ('REQUESTED', 'RINGING', 'CONNECTED', 'DECLINED', 'MISSED', 'RELEASED'))
);

-- Capacity (connected calls per channel) and ending a channel's calls.
create index ix_call_channel_state on call (channel_id, state);
-- A terminal's calls in a state, on either side.
create index ix_call_requester_state on call (requester_terminal_id, state);
create index ix_call_destination_state on call (destination_terminal_id, state);

create table message (
    message_id         varchar(64)                 not null,
    call_id            varchar(36)                 not null,
    channel_id         varchar(64)                 not null,
    sender_terminal_id varchar(64)                 not null,
    state              varchar(16)                 not null,
    moderation         varchar(16)                 not null,
    content_type       varchar(255)                not null,
    bytes              bigint                      not null,
    sha256             varchar(64),
    duration_ms        bigint,
    title              varchar(200),
    reason             varchar(1000),
    created_at         timestamp(6) with time zone not null,
    stored_at          timestamp(6) with time zone,
    version            bigint                      not null,
    updated_at         timestamp(6) with time zone not null,
    constraint pk_message primary key (message_id),
    constraint fk_message_call foreign key (call_id) references call (call_id),
    constraint fk_message_channel foreign key (channel_id) references channel (channel_id),
    constraint fk_message_sender foreign key (sender_terminal_id) references terminal (terminal_id),
    constraint ck_message_state check (state in ('RECEIVING', 'STORED', 'REJECTED', 'INCOMPLETE')),
    constraint ck_message_moderation check (moderation in ('PENDING', 'APPROVED', 'REJECTED')),
    constraint ck_message_bytes check (bytes >= 0)
);

-- A terminal's own messages, in order.
create index ix_message_sender_created on message (sender_terminal_id, created_at);
-- A channel's messages by moderation, for the display page.
create index ix_message_channel_moderation on message (channel_id, moderation, created_at);
-- A call's messages (and the foreign key's lookups).
create index ix_message_call on message (call_id);
