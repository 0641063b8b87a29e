-- Retention of reply messages per channel and a storage quota per terminal, enforced by a timer.
-- retention_days null keeps a channel's messages for ever; quota_bytes null means the server's default
-- (replycast.messages.terminal-quota-bytes, itself unlimited unless set). Removals are audited as RETENTION.

alter table channel add column retention_days integer;
alter table channel add constraint ck_channel_retention_days check (retention_days >= 0);

alter table terminal add column quota_bytes bigint;
alter table terminal add constraint ck_terminal_quota_bytes check (quota_bytes > 0);

-- The quota's pass: a terminal's stored messages, oldest first.
create index ix_message_sender_state_stored on message (sender_terminal_id, state, stored_at);

alter table audit_record drop constraint ck_audit_record_kind;
alter table audit_record add constraint ck_audit_record_kind check (kind in
    ('AUTHENTICATION', 'CALL', 'ADMINISTRATION', 'MODERATION', 'RETENTION'));
