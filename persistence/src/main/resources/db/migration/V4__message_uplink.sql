-- The uplink of reply messages: where a message's bytes are, which gateway connection sends it now,
-- the length a sender declared up front, why a message was refused, and when its bytes were given up.
-- updated_at (every part taken writes the row) is the time of the sender's last activity.

-- Relative to the data directory: the growing .part file while receiving, the stored file once stored,
-- null when there are no bytes (refused, or given up after the sender vanished).
alter table message add column media_path varchar(300);
-- The gateway connection that took the message last (start or resume); its resume waits for this.
alter table message add column uplink_session varchar(64);
-- The whole length, when the sender said it at the start (tus creation); null for WebSocket replies.
alter table message add column declared_bytes bigint;
-- A stable code of why a message is REJECTED (its reason says it to a person).
alter table message add column rejection varchar(32);
-- When an INCOMPLETE message's bytes were removed; it can no longer be resumed.
alter table message add column expired_at timestamp(6) with time zone;

alter table message add constraint ck_message_declared_bytes check (declared_bytes is null or declared_bytes >= 0);
alter table message add constraint ck_message_rejection check (rejection is null or rejection in
    ('ABORTED', 'FRAME_TOO_LARGE', 'TOO_LARGE', 'CHECKSUM_MISMATCH', 'NOT_MEDIA', 'TOO_LONG'));
