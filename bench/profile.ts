/**
 * Turns a V8 CPU profile of "ours" (the unminified bench bundle, injected with a sourceURL) into self time
 * per source module and per function. Native DOM calls (compareDocumentPosition, querySelectorAll...) are
 * charged to the module of the bundle function that called them, and named "native ← caller".
 */

export const OURS_DEV_URL = 'gc-bench-ours.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileRow {
  name: string;
  ms: number;
  share: number;
  module: string;
}

export interface ProfileReport {
  page: string;
  busyMs: number;
  /** Sampled time charged to our code, GC included (idle and the browser's own work excluded). */
  sampledOursMs: number;
  byArea: ProfileRow[];
  topFunctions: ProfileRow[];
}

/** Module start lines from esbuild's `// path/to/file.ts` markers in an unminified bundle. */
function moduleMap(source: string): Array<{ line: number; module: string }> {
  const out: Array<{ line: number; module: string }> = [];
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^\s*\/\/ ((?:src|bench|entrypoints|node_modules)\/[\w./@-]+\.[cm]?[jt]s)$/.exec(lines[i] as string);
    if (match !== null) out.push({ line: i, module: match[1] as string });
  }
  return out;
}

function areaOf(module: string): string {
  if (module.startsWith('src/core/')) return 'match (src/core)';
  if (module === 'src/page/text-index.ts' || module === 'src/page/text-rules.ts') return 'index (src/page/text-index)';
  if (module === 'src/page/scanner.ts') return 'scanner (plan, commit, order)';
  if (module === 'src/page/highlighter.ts') return 'highlight (src/page/highlighter)';
  if (module === 'src/page/story-cards.ts') return 'story cards';
  if (module.startsWith('src/page/')) return module;
  if (module.startsWith('src/ui/')) return 'card host (src/ui)';
  if (module.startsWith('src/data/')) return 'data';
  if (module.startsWith('bench/')) return 'bench meters';
  return module;
}

export function aggregateProfile(profile: CpuProfile, devSource: string, page: string, busyMs: number): ProfileReport {
  const modules = moduleMap(devSource);
  const moduleAt = (line: number): string => {
    let found = 'bundle';
    for (const entry of modules) {
      if (entry.line > line) break;
      found = entry.module;
    }
    return found;
  };
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  /** The nearest frame (itself or an ancestor) in our bundle. */
  const oursFrame = (id: number): ProfileNode | null => {
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const node = byId.get(current);
      if (node !== undefined && node.callFrame.url.endsWith(OURS_DEV_URL)) return node;
    }
    return null;
  };
  const areas = new Map<string, number>();
  const functions = new Map<string, { ms: number; module: string }>();
  let sampled = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i] as number);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (node === undefined) continue;
    const name = node.callFrame.functionName;
    if (name === '(idle)' || name === '(program)' || name === '(root)') continue;
    const frame = oursFrame(node.id);
    if (name === '(garbage collector)') {
      areas.set('garbage collection', (areas.get('garbage collection') ?? 0) + ms);
      sampled += ms;
      continue;
    }
    if (frame === null) continue;
    const module = moduleAt(frame.callFrame.lineNumber);
    const own = frame === node;
    const label = own ? name || '(anonymous)' : `${name || '(native)'} ← ${frame.callFrame.functionName || '(anonymous)'}`;
    const area = areaOf(module);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const key = `${label}|${module}`;
    const entry = functions.get(key) ?? { ms: 0, module };
    entry.ms += ms;
    functions.set(key, entry);
    sampled += ms;
  }
  const byArea = [...areas]
    .map(([name, ms]) => ({ name, ms, share: sampled > 0 ? ms / sampled : 0, module: '' }))
    .sort((a, b) => b.ms - a.ms);
  const topFunctions = [...functions]
    .map(([key, { ms, module }]) => ({ name: key.split('|')[0] as string, ms, share: sampled > 0 ? ms / sampled : 0, module }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 15);
  return { page, busyMs, sampledOursMs: sampled, byArea, topFunctions };
}
