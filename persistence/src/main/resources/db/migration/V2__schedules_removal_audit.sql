-- Access schedules of terminals, removal of terminals and channels, and the audit trail.
-- Removal keeps the row (calls and messages refer to it, and ids are never handed out twice);
-- removed rows carry removed_at and are invisible to every lookup.

alter table terminal add column removed_at timestamp(6) with time zone;
alter table channel add column removed_at timestamp(6) with time zone;

-- Weekly windows in which a terminal may start a distribution, in the channel's time zone.
-- end_time 00:00 means the end of the day.
create table terminal_window (
    terminal_id varchar(64) not null,
    day_of_week varchar(9)  not null,
    start_time  time        not null,
    end_time    time        not null,
    constraint fk_terminal_window_terminal foreign key (terminal_id) references terminal (terminal_id),
    constraint ck_terminal_window_day check (day_of_week in
        ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'))
);
create index ix_terminal_window_terminal on terminal_window (terminal_id);

-- Date ranges (inclusive) outside which a terminal may not start a distribution at all.
create table terminal_date_range (
    terminal_id varchar(64) not null,
    first_day   date        not null,
    last_day    date        not null,
    constraint fk_terminal_date_range_terminal foreign key (terminal_id) references terminal (terminal_id),
    constraint ck_terminal_date_range_order check (first_day <= last_day)
);
create index ix_terminal_date_range_terminal on terminal_date_range (terminal_id);

-- Who did what and when: authentication refusals, call starts and ends, admin changes, moderation.
-- terminal_id has no foreign key: a refusal names the keyid as sent, which may be no terminal at all.
create table audit_record (
    audit_id    varchar(36)                 not null,
    at          timestamp(6) with time zone not null,
    kind        varchar(32)                 not null,
    code        varchar(64)                 not null,
    actor       varchar(200),
    terminal_id varchar(64),
    call_id     varchar(36),
    detail      varchar(1000),
    constraint pk_audit_record primary key (audit_id),
    constraint ck_audit_record_kind check (kind in
        ('AUTHENTICATION', 'CALL', 'ADMINISTRATION', 'MODERATION'))
);
create index ix_audit_record_at on audit_record (at);
create index ix_audit_record_terminal_at on audit_record (terminal_id, at);
