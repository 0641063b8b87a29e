-- Moderation and forwarding of stored replies.
-- A channel's title filter (words that keep a title from automatic approval) and the secret that signs its
-- webhooks (encrypted at rest like terminal secrets); who decided on a message, when and why; and the
-- forwarding outbox: one row per webhook to send, written in the transaction of the change it announces.

alter table channel add column forward_secret_ciphertext varchar(1024);

create table channel_title_filter (
    channel_id varchar(64)  not null,
    word       varchar(100) not null,
    constraint fk_channel_title_filter_channel foreign key (channel_id) references channel (channel_id),
    constraint uk_channel_title_filter unique (channel_id, word)
);

alter table message add column moderated_by varchar(200);
alter table message add column moderated_at timestamp(6) with time zone;
alter table message add column moderation_reason varchar(1000);
-- The display's order: a channel's approved messages by the time of their approval.
create index ix_message_channel_moderated on message (channel_id, moderation, moderated_at);

create table forwarding_delivery (
    delivery_id     varchar(36)                 not null,
    message_id      varchar(64)                 not null,
    channel_id      varchar(64)                 not null,
    event           varchar(16)                 not null,
    url             varchar(2048)               not null,
    body            varchar(4000)               not null,
    state           varchar(16)                 not null,
    attempts        integer                     not null,
    next_attempt_at timestamp(6) with time zone,
    last_outcome    varchar(1000),
    created_at      timestamp(6) with time zone not null,
    delivered_at    timestamp(6) with time zone,
    version         bigint                      not null,
    updated_at      timestamp(6) with time zone not null,
    constraint pk_forwarding_delivery primary key (delivery_id),
    constraint fk_forwarding_delivery_message foreign key (message_id) references message (message_id),
    -- Each event of a message is forwarded once, however often its change is announced.
    constraint uk_forwarding_delivery_event unique (message_id, event),
    constraint ck_forwarding_delivery_event check (event in ('STORED', 'APPROVED')),
    constraint ck_forwarding_delivery_state check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    constraint ck_forwarding_delivery_attempts check (attempts >= 0)
);
-- What is due, for the scheduler.
create index ix_forwarding_delivery_due on forwarding_delivery (state, next_attempt_at);
