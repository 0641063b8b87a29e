-- The display copy of a stored reply, made by the media worker from the queue MediaJobs: a playable MP4
-- (H.264 and AAC, fast start) and a JPEG thumbnail (a frame, or the waveform of a reply without video), beside
-- the original, which stays byte for byte as sent. All three are null until the copy is made.

-- Relative to the data directory, like media_path.
alter table message add column playable_path varchar(300);
alter table message add column thumbnail_path varchar(300);
-- Whether the prober found video: without it the copy is audio only and the thumbnail a waveform.
alter table message add column has_video boolean;

alter table message add constraint ck_message_display_copy check (
    (playable_path is null and thumbnail_path is null and has_video is null)
    or (playable_path is not null and thumbnail_path is not null and has_video is not null));
