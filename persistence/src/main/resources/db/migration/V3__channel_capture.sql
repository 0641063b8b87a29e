-- Live capture settings of a channel: whether it is captured at all (an operator stops and starts it),
-- and its HLS ladder when it differs from the server's default (such as 1280x720@2500k,640x360@800k).

alter table channel add column capture_enabled boolean default true not null;
alter table channel add column ladder varchar(200);
