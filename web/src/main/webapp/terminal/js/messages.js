/**
 * The terminal's own reply messages (GET /api/v1/messages, signed) listed newest first with their state,
 * moderation and, for a refused one, the reason. The list is read again when a reply's outcome is known, every
 * few seconds while a message is still being received, and now and then otherwise (moderation changes too).
 */

const BUSY_REFRESH_MS = 3000;
const IDLE_REFRESH_MS = 30000;

export class MessageList {
  #api = null;
  #list;
  #empty;
  #error;
  #timer = null;
  #stopped = true;

  constructor(list, empty, error) {
    this.#list = list;
    this.#empty = empty;
    this.#error = error;
  }

  /** Lists the messages of the terminal that signs the API's requests. */
  start(api) {
    this.#api = api;
    this.#stopped = false;
    this.refresh();
  }

  stop() {
    this.#stopped = true;
    this.#api = null;
    clearTimeout(this.#timer);
    this.#list.replaceChildren();
    this.#empty.hidden = false;
  }

  /** Reads the list now, and schedules the next reading. */
  async refresh() {
    clearTimeout(this.#timer);
    if (this.#stopped) {
      return;
    }
    let busy = false;
    try {
      const messages = await this.#api.messages();
      if (this.#stopped) {
        return;
      }
      this.#list.replaceChildren(...messages.reverse().map(renderMessage));
      this.#empty.hidden = messages.length > 0;
      this.#error.textContent = '';
      busy = messages.some((message) => message.state === 'RECEIVING');
    } catch (problem) {
      this.#error.textContent = `Your replies cannot be shown right now: ${problem.title}.`;
    }
    if (!this.#stopped) {
      this.#timer = setTimeout(() => this.refresh(), busy ? BUSY_REFRESH_MS : IDLE_REFRESH_MS);
    }
  }
}

function renderMessage(message) {
  const item = document.createElement('li');
  item.dataset.messageId = message.messageId;
  item.dataset.state = message.state;
  const what = document.createElement('span');
  const created = message.createdAt ? new Date(message.createdAt).toLocaleString() : '';
  // The row counts the bytes only once they are all in.
  const bytes = message.state === 'RECEIVING' ? '' : `, ${size(message.bytes)}`;
  what.textContent = `${message.title || 'Reply'}, ${created}${bytes} `;
  const state = document.createElement('strong');
  state.className = 'state';
  state.textContent = message.state;
  item.append(what, state);
  if (message.state === 'STORED') {
    const moderation = document.createElement('span');
    moderation.textContent = ` (moderation ${message.moderation.toLowerCase()})`;
    item.append(moderation);
  }
  if (message.reason) {
    const reason = document.createElement('span');
    reason.className = 'reason';
    reason.textContent = ` ${message.reason}`;
    item.append(reason);
  }
  return item;
}

/** Bytes as a person reads them: 850 B, 12.3 kB, 4.5 MB. */
export function size(bytes) {
  if (bytes < 1000) {
    return `${bytes} B`;
  }
  return bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}
