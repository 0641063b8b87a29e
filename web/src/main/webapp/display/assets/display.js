/**
 * The venue display: plays a channel's approved replies one after the other, in the order they were approved,
 * with their title and sender, as the server pushes them (Server-Sent Events). The page's address is
 * /display/{channelId}#key=<display key>: the key stays in the fragment, which the browser never sends, and
 * goes only into this page's own requests.
 *
 * The stream comes back by itself: the browser reopens a dropped EventSource and names the last message it
 * had (Last-Event-ID), and the server first sends what was approved since. When the browser gives up (an
 * answer that is not a stream), or the stream goes silent, the page opens a new one after a growing delay,
 * naming the last message in ?after=; the last message also survives a reload, in localStorage.
 */

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30000;
// The server sends a keep-alive event every 20 s; a stream silent for longer has died somewhere on the way.
const SILENCE_MS = 45000;

const channelId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
const key = new URLSearchParams(location.hash.slice(1)).get('key') ?? '';
const api = `/api/v1/display/${encodeURIComponent(channelId)}/`;
const lastKey = `replycast-display-last-${channelId}`;

const player = document.getElementById('player');
const caption = document.getElementById('caption');
const idle = document.getElementById('idle');
const status = document.getElementById('status');
const start = document.getElementById('start');

const queue = [];
const seen = new Set();
let playing = null;
let source = null;
let lastId = localStorage.getItem(lastKey);
let lastHeard = Date.now();
let retryMs = FIRST_RETRY_MS;
let retryTimer = null;

function setState(state, text) {
  document.body.dataset.state = state;
  status.textContent = text;
}

function withKey(path) {
  return `${api}${path}${path.includes('?') ? '&' : '?'}key=${encodeURIComponent(key)}`;
}

function connect() {
  clearTimeout(retryTimer);
  source?.close();
  lastHeard = Date.now();
  source = new EventSource(withKey(`events${lastId ? `?after=${encodeURIComponent(lastId)}` : ''}`));
  source.onopen = () => {
    retryMs = FIRST_RETRY_MS;
    lastHeard = Date.now();
    setState('live', '');
  };
  source.addEventListener('approved', (event) => {
    lastHeard = Date.now();
    lastId = event.lastEventId;
    localStorage.setItem(lastKey, lastId);
    enqueue(JSON.parse(event.data));
  });
  source.addEventListener('display-now', (event) => {
    lastHeard = Date.now();
    displayNow(JSON.parse(event.data));
  });
  source.addEventListener('withdrawn', (event) => {
    lastHeard = Date.now();
    withdraw(JSON.parse(event.data).messageId);
  });
  source.addEventListener('keep-alive', () => {
    lastHeard = Date.now();
  });
  source.onerror = () => {
    if (source.readyState === EventSource.CONNECTING) {
      setState('reconnecting', 'Reconnecting…');
      return;
    }
    source.close();
    checkRefusal();
  };
}

/** The browser gave up on the stream: a wrong address or key is final, anything else is tried again. */
async function checkRefusal() {
  try {
    const probe = new AbortController();
    const response = await fetch(withKey('events'), { signal: probe.signal, headers: { accept: 'text/event-stream' } });
    probe.abort();
    if (response.status === 404) {
      setState('refused', 'This display’s address or key is wrong. Ask for the display link again.');
      return;
    }
  } catch (unreachable) {
    // The server is out of reach: try again below.
  }
  reconnectLater();
}

function reconnectLater() {
  setState('reconnecting', 'Reconnecting…');
  clearTimeout(retryTimer);
  retryTimer = setTimeout(connect, retryMs);
  retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
}

function enqueue(message) {
  if (seen.has(message.messageId)) {
    return;
  }
  seen.add(message.messageId);
  queue.push(message);
  if (!playing) {
    playNext();
  }
}

/** A moderator sent this message to be played at once: it goes first, cutting short what plays. */
function displayNow(message) {
  seen.add(message.messageId);
  const waiting = queue.findIndex((queued) => queued.messageId === message.messageId);
  if (waiting >= 0) {
    queue.splice(waiting, 1);
  }
  queue.unshift(message);
  playNext();
}

function withdraw(messageId) {
  const waiting = queue.findIndex((message) => message.messageId === messageId);
  if (waiting >= 0) {
    queue.splice(waiting, 1);
  }
  if (playing?.messageId === messageId) {
    playNext();
  }
}

function playNext() {
  playing = queue.shift() ?? null;
  if (!playing) {
    player.removeAttribute('src');
    player.load();
    delete document.body.dataset.playing;
    caption.hidden = true;
    idle.hidden = false;
    return;
  }
  document.body.dataset.playing = playing.messageId;
  document.getElementById('title').textContent = playing.title ?? '';
  document.getElementById('sender').textContent = playing.senderName;
  caption.hidden = false;
  idle.hidden = true;
  player.src = withKey(playing.media);
  // Browsers refuse to start sound without a gesture on the page; then the reply plays muted until one.
  player.play().catch(() => {
    player.muted = true;
    player.play().catch(() => playNext());
  });
}

player.addEventListener('ended', playNext);
player.addEventListener('error', () => {
  if (playing) {
    playNext();
  }
});

start.addEventListener('click', () => {
  player.muted = false;
  document.documentElement.requestFullscreen?.().catch(() => {});
  start.hidden = true;
});

setInterval(() => {
  if (document.body.dataset.state !== 'refused' && Date.now() - lastHeard > SILENCE_MS) {
    source?.close();
    reconnectLater();
  }
}, 5000);

if (!key) {
  setState('refused', 'Open this page with its display link: the address ends in #key=…');
} else {
  connect();
}
