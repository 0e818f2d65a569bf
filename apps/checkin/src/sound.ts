// The answer as a sound, so staff need not look: two high beeps let in, one low buzz stops.
let context: AudioContext | null = null;

export function playAnswer(good: boolean) {
  try {
    context ??= new AudioContext();
    const tones = good ? [880, 1320] : [180];
    tones.forEach((frequency, index) => {
      if (!context) return;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = good ? "sine" : "square";
      oscillator.frequency.value = frequency;
      gain.gain.value = 0.2;
      oscillator.connect(gain).connect(context.destination);
      const start = context.currentTime + index * 0.15;
      oscillator.start(start);
      oscillator.stop(start + (good ? 0.12 : 0.5));
    });
  } catch {
    // No audio (a browser without it, or before any tap): colour and words still say it.
  }
}
