/**
 * The terminal page: signs the terminal in with the id and secret kept on this device, lists channels,
 * starts, answers, declines and ends calls, rings when called (from the event stream), plays the
 * connected call's live picture, sends replies on it and lists the terminal's own replies.
 */

import { ApiProblem, TerminalApi } from './api.js';
import { CallEventStream } from './events.js';
import { MessageList } from './messages.js';
import { LivePlayer } from './player.js';
import { ReplyPanel } from './reply.js';
import { Ringer } from './ringer.js';
import { RequestSigner } from './signing.js';

const STORAGE_KEY = 'replycast.terminal';
// Below this the device clock is as good as right, and saying so would only worry people.
const NOTABLE_OFFSET_MS = 2000;
const ENDED = new Set(['DECLINED', 'MISSED', 'RELEASED']);
const KEPT_CALLS = 20;

const $ = (id) => document.getElementById(id);

let api = null;
let events = null;
let player = null;
const messages = new MessageList($('messages-list'), $('no-messages'), $('messages-error'));
const reply = new ReplyPanel(messages);
const ringer = new Ringer();
const calls = new Map();
const channelNames = new Map();

function say(text) {
  $('status').textContent = text;
}

function showProblem(element, problem) {
  element.replaceChildren();
  if (!problem) {
    return;
  }
  const title = document.createElement('strong');
  title.textContent = problem.title ?? 'Something went wrong';
  element.append(title);
  const detail = problem.detail ?? problem.message;
  if (detail) {
    const text = document.createElement('p');
    text.textContent = detail;
    element.append(text);
  }
}

function stored() {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

async function signIn(terminalId, secret) {
  $('sign-in-button').disabled = true;
  showProblem($('sign-in-error'), null);
  say('Checking the terminal id and secret…');
  try {
    let signer;
    try {
      signer = await RequestSigner.create(terminalId, secret);
    } catch (error) {
      throw new ApiProblem(0, 'invalid', 'The secret cannot be right', error.message);
    }
    const candidate = new TerminalApi(signer);
    const { offsetMs } = await candidate.check();
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ terminalId, secret }));
    enter(candidate, offsetMs);
  } catch (problem) {
    // A secret that does not verify is forgotten, so that reloading does not count as another failure; after
    // any other refusal (the server unreachable, say) both fields stay filled in for another try.
    const wrong = problem.code === 'signature-invalid';
    if (wrong) {
      localStorage.removeItem(STORAGE_KEY);
    }
    showSignIn(terminalId, wrong ? '' : secret);
    showProblem($('sign-in-error'), explainSignInProblem(problem));
    say('Not signed in.');
  } finally {
    $('sign-in-button').disabled = false;
  }
}

/** Says what to do about a sign-in refusal in the terminal's words; the server's detail follows. */
function explainSignInProblem(problem) {
  if (problem.code === 'signature-invalid') {
    return { title: 'The terminal id or the secret is wrong', detail: problem.detail };
  }
  if (problem.code === 'clock-skew') {
    return { title: 'This device’s clock is off', detail: `${problem.detail} Set the date and time automatically.` };
  }
  return problem;
}

function showSignIn(terminalId, secret) {
  $('terminal').hidden = true;
  $('sign-in').hidden = false;
  $('terminal-id').value = terminalId;
  $('terminal-secret').value = secret;
}

function enter(signedApi, offsetMs) {
  api = signedApi;
  $('sign-in').hidden = true;
  $('terminal').hidden = false;
  $('signed-in-as').textContent = api.terminalId;
  const note = $('clock-note');
  note.hidden = Math.abs(offsetMs) < NOTABLE_OFFSET_MS;
  note.textContent = `This device’s clock is ${Math.round(Math.abs(offsetMs) / 1000)} s `
    + `${offsetMs > 0 ? 'behind' : 'ahead of'} the server’s; the page signs with the server’s time instead.`;
  say(`Signed in as ${api.terminalId}.`);
  player = new LivePlayer($('video'), $('latency'), $('player-status'), () => api.signer.clockOffsetMs);
  events = new CallEventStream(api, {
    onOpen: () => {
      $('events-status').textContent = 'Ready to be called.';
      refreshCalls();
    },
    onCall: (call) => update(call),
    onTrouble: (problem, retrying) => {
      $('events-status').textContent = retrying
        ? `Not hearing calls right now (${problem.title}); trying again…`
        : `Not hearing calls: ${problem.title}. ${problem.detail}`;
    },
  });
  events.start();
  messages.start(api);
  loadChannels();
}

function forget() {
  events?.stop();
  player?.stop();
  reply.stop();
  messages.stop();
  ringer.stop();
  api = null;
  calls.clear();
  render();
  localStorage.removeItem(STORAGE_KEY);
  showSignIn('', '');
  say('This device no longer knows the terminal.');
  $('terminal-id').focus();
}

async function loadChannels() {
  const select = $('channel');
  try {
    const channels = await api.channels();
    select.replaceChildren(...channels.map((channel) => {
      channelNames.set(channel.channelId, channel.name);
      return new Option(`${channel.name} (${channel.status.toLowerCase()})`, channel.channelId);
    }));
    $('call-button').disabled = channels.length === 0;
    showProblem($('call-error'), channels.length === 0
      ? { title: 'No channels yet', detail: 'An administrator has to add one first.' } : null);
    render();
  } catch (problem) {
    showProblem($('call-error'), problem);
  }
}

async function refreshCalls() {
  try {
    (await api.activeCalls()).forEach(update);
  } catch (problem) {
    showProblem($('call-error'), problem);
  }
}

/** Does one call action; its answer is the call as it is now. */
async function act(action, callId) {
  showProblem($('call-error'), null);
  try {
    update(await action(callId));
  } catch (problem) {
    showProblem($('call-error'), problem);
  }
}

async function startCall(event) {
  event.preventDefault();
  const destination = $('destination').value.trim();
  $('call-button').disabled = true;
  await act(() => api.startCall($('channel').value, destination || null));
  $('call-button').disabled = false;
}

/** Takes a call as the server last showed it, and brings ringing, playing and the list in line with it. */
function update(call) {
  if (!api) {
    return;
  }
  calls.delete(call.callId);
  calls.set(call.callId, call); // newest change last
  [...calls.keys()].slice(0, Math.max(0, calls.size - KEPT_CALLS)).forEach((id) => calls.delete(id));
  const playing = [...calls.values()].find((c) => c.playbackUrl && c.playbackUrl === player.url);
  if (player.url && playing?.state !== 'CONNECTED') {
    player.stop();
    say(`The call you watched ended${playing ? ` (${playing.state.toLowerCase()})` : ''}.`);
  }
  if (!player.url && call.state === 'CONNECTED' && call.playbackUrl) {
    player.play(call.playbackUrl);
  }
  render();
}

function isRingingHere(call) {
  return call.state === 'RINGING' && call.destinationTerminalId === api.terminalId
    && call.requesterTerminalId !== api.terminalId;
}

function render() {
  const list = $('calls');
  const shown = [...calls.values()].reverse();
  list.replaceChildren(...shown.map(renderCall));
  $('no-calls').hidden = shown.length > 0;
  // Replies go on the call being watched; only its destination has an uplinkUrl.
  reply.setCall(api, shown.find((call) => call.state === 'CONNECTED' && call.uplinkUrl
    && call.playbackUrl === player?.url) ?? null);
  const ringing = api && shown.find(isRingingHere);
  const panel = $('ringing');
  if (ringing) {
    $('ringing-text').textContent = `${ringing.requesterTerminalId} is calling you to watch `
      + `${channelNames.get(ringing.channelId) ?? ringing.channelId}.`;
    panel.dataset.callId = ringing.callId;
    if (panel.hidden) {
      panel.hidden = false;
      $('answer-button').focus();
      document.title = 'Ringing – Replycast terminal';
      ringer.start();
    }
  } else if (!panel.hidden) {
    panel.hidden = true;
    delete panel.dataset.callId;
    document.title = 'Replycast terminal';
    ringer.stop();
  }
}

function renderCall(call) {
  const item = document.createElement('li');
  item.dataset.callId = call.callId;
  item.dataset.state = call.state;
  const toSelf = call.requesterTerminalId === call.destinationTerminalId;
  const party = toSelf ? 'this terminal'
    : call.requesterTerminalId === api?.terminalId ? `to ${call.destinationTerminalId}`
      : `from ${call.requesterTerminalId}`;
  const what = document.createElement('span');
  what.textContent = `${channelNames.get(call.channelId) ?? call.channelId}, ${party} `;
  const state = document.createElement('strong');
  state.className = 'state';
  state.textContent = call.state;
  item.append(what, state);
  if (call.reason) {
    const reason = document.createElement('span');
    reason.className = 'reason';
    reason.textContent = ` (${call.reason})`;
    item.append(reason);
  }
  const actions = document.createElement('div');
  actions.className = 'actions';
  const button = (label, onClick) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = label;
    element.dataset.action = label.toLowerCase();
    element.addEventListener('click', onClick);
    actions.append(element);
  };
  if (api && isRingingHere(call)) {
    button('Answer', () => act((id) => api.answer(id), call.callId));
    button('Decline', () => act((id) => api.decline(id), call.callId));
  }
  if (!ENDED.has(call.state)) {
    button('End', () => act((id) => api.release(id), call.callId));
  }
  if (call.state === 'CONNECTED' && call.playbackUrl && call.playbackUrl !== player?.url) {
    button('Watch', () => {
      player.play(call.playbackUrl);
      render();
    });
  }
  item.append(actions);
  return item;
}

$('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const terminalId = $('terminal-id').value.trim();
  const secret = $('terminal-secret').value.trim();
  if (!terminalId || !secret) {
    showProblem($('sign-in-error'), { title: 'Both fields are needed', detail: 'Enter the terminal id and its secret.' });
    return;
  }
  signIn(terminalId, secret);
});
$('call-form').addEventListener('submit', startCall);
$('answer-button').addEventListener('click', () => act((id) => api.answer(id), $('ringing').dataset.callId));
$('decline-button').addEventListener('click', () => act((id) => api.decline(id), $('ringing').dataset.callId));
$('forget-button').addEventListener('click', forget);

/** The id in an address such as the console's QR code gives, /terminal/#id=T-1; never a secret. */
function prefilledId() {
  return new URLSearchParams(location.hash.slice(1)).get('id')?.trim() ?? '';
}

const remembered = stored();
const prefilled = prefilledId();
if (remembered?.terminalId && remembered?.secret && (!prefilled || prefilled === remembered.terminalId)) {
  signIn(remembered.terminalId, remembered.secret);
} else {
  showSignIn(prefilled, '');
  if (prefilled) {
    $('terminal-secret').focus();
  }
}
