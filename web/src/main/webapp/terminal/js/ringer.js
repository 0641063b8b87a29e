/**
 * Rings while the terminal is being called: two short tones every two seconds, and a vibration where the
 * device has one. Browsers allow sound only after the person has touched the page, so it may stay silent;
 * the ringing panel is what always shows.
 */

const PERIOD_MS = 2000;

export class Ringer {
  #timer = null;
  #audio = null;

  start() {
    if (this.#timer) {
      return;
    }
    this.#ring();
    this.#timer = setInterval(() => this.#ring(), PERIOD_MS);
  }

  stop() {
    clearInterval(this.#timer);
    this.#timer = null;
    navigator.vibrate?.(0);
  }

  #ring() {
    navigator.vibrate?.([300, 200, 300]);
    try {
      this.#audio ??= new AudioContext();
      if (this.#audio.state !== 'running') {
        this.#audio.resume().catch(() => {});
        return;
      }
      [0, 0.4].forEach((at) => this.#tone(this.#audio.currentTime + at));
    } catch {
      // No Web Audio here: the panel alone rings.
    }
  }

  #tone(at) {
    const oscillator = new OscillatorNode(this.#audio, { frequency: 880 });
    const gain = new GainNode(this.#audio, { gain: 0.2 });
    oscillator.connect(gain).connect(this.#audio.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.25);
  }
}
