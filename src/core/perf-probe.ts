/**
 * Throughput probe for the matcher (not a test): generates ordinary English and Hebrew text with planted
 * headlines, labels and mentions, and reports MB/s next to a bare charCodeAt loop over the same text (the
 * cost of merely reading it). CPU time, not wall time: on a shared machine wall time measures the neighbours.
 *
 *   npx tsx src/core/perf-probe.ts [megabytes=8]
 */
import { createMatcher } from './compile';
import { TEST_CONFIG } from './test-config';

const EN = (
  'the of and to a in is it you that he was for on are with as his they be at one have this from or had by ' +
  'word but what some we can out other were all there when up use your how said an each she which do their ' +
  'time if will way about many then them write would like so these her long make thing see him two has look ' +
  'more day could go come did number sound no most people my over know water than call first who may down ' +
  'side been now find any new work part take get place made live where after back little only round man year ' +
  'came show every good me give our under name very through just form sentence great think say help low line ' +
  'differ turn cause much mean before move right boy old too same tell does set three want air well also play ' +
  'small end put home read hand port large spell add even land here must big high such follow act why ask men ' +
  'change went light kind off need house picture try us again animal point mother world near build self earth ' +
  'father news story police government report officials minister election market company president week'
).split(' ');
const HE = (
  'של את על עם הוא היא זה לא כי גם אבל אני אתה הם יש אין מה מי איך למה כאשר בית ספר ילד ילדה עיר ארץ שמש ' +
  'ירח מים אש רוח אדמה יום לילה בוקר ערב שנה חודש שבוע ממשלה שר ראש בחירות מדינה חדשות דיווח משטרה העיר ' +
  'הבית והילד בבית לבית מהעיר שהוא כשהם ובשנה הממשלה השר המשטרה'
).split(' ');
const PLANTS: Record<string, string[]> = {
  en: [
    'Iran Strikes Tel Aviv with Heavy Missiles',
    'This story is a summary of posts on X and may evolve over time. Grok can make mistakes, verify its outputs.',
    'Critics say Grok writes trending headlines.',
    'Sun\u2019s Odd Behaviour: Experts Baffled',
  ],
  he: ['איראן תוקפת את תל אביב בטילים כבדים', 'גרוק פרסם כותרות מזויפות.'],
};

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Sentences of 8-27 words, paragraphs of ~10 sentences, one planted text per ~20 KB. */
function generate(chars: number, words: string[], plants: string[], seed: number): string {
  const r = rng(seed);
  const parts: string[] = [];
  let size = 0;
  let sincePlant = 0;
  while (size < chars) {
    const n = 8 + Math.floor(r() * 20);
    const sentence: string[] = [];
    for (let i = 0; i < n; i++) sentence.push(words[Math.floor(r() * words.length)]!);
    let s = sentence.join(' ');
    s = s[0]!.toUpperCase() + s.slice(1) + (r() < 0.1 ? '.\n\n' : '. ');
    if (sincePlant > 20000) {
      s += `${plants[Math.floor(r() * plants.length)]!}\n\n`;
      sincePlant = 0;
    }
    parts.push(s);
    size += s.length;
    sincePlant += s.length;
  }
  return parts.join('');
}

function cpuMs(f: () => void): number {
  const u = process.cpuUsage();
  f();
  const d = process.cpuUsage(u);
  return (d.user + d.system) / 1000;
}

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

const mb = Number(process.argv[2] ?? 8);
const compileMs = cpuMs(() => createMatcher(TEST_CONFIG));
const matcher = createMatcher(TEST_CONFIG);
console.log(`compile: ${compileMs.toFixed(1)} ms CPU`);
for (const [name, words, plants] of [
  ['English', EN, PLANTS.en!],
  ['Hebrew', HE, PLANTS.he!],
] as const) {
  const text = generate(mb * 1024 * 1024, words, plants, 42);
  matcher.match(text); // warm up
  const ours: number[] = [];
  const floor: number[] = [];
  let findings = 0;
  let sink = 0;
  for (let i = 0; i < 7; i++) {
    floor.push(
      cpuMs(() => {
        for (let j = 0; j < text.length; j++) sink ^= text.charCodeAt(j);
      }),
    );
    ours.push(
      cpuMs(() => {
        findings = matcher.match(text).length;
      }),
    );
  }
  const med = median(ours);
  const size = text.length / (1024 * 1024);
  console.log(
    `${name}: ${size.toFixed(1)} M chars, ${findings} findings, median ${med.toFixed(1)} ms CPU ` +
      `(min ${Math.min(...ours).toFixed(1)}), ${(size / (med / 1000)).toFixed(0)} MB/s; ` +
      `bare charCodeAt loop ${median(floor).toFixed(1)} ms, ratio ${(med / median(floor)).toFixed(1)}` +
      (sink === 0.5 ? '' : ''),
  );
}
