/**
 * Incident packs: extra incidents a user imports from a file. Two inputs are accepted:
 * - our own format, `{ format: 'grok-context-pack', version: 1, id, title, origin, incidents }`, whose
 *   incidents have exactly the bundled knowledge base's shape;
 * - ClaimReview JSON-LD as fact-checkers publish it (one object, an array, or an `@graph`), converted here.
 *
 * A pack comes from outside, so it is treated as hostile: size and count limits, https links only, no markup,
 * no prototype keys, unknown fields refused, ids that cannot shadow bundled incidents. Every error names the
 * field and the entry, e.g. `incidents[3].sources[0].url: must be an https:// URL`. Pure: no DOM, no browser.
 */
import * as z from 'zod/mini';
import {
  HttpsUrlSchema,
  IncidentIdSchema,
  IncidentSchema,
  IsoDateSchema,
  type Incident,
  type Rating,
} from './schema';

export const PACK_FORMAT = 'grok-context-pack';
export const PACK_VERSION = 1;
/** Limits for one file. */
export const MAX_PACK_BYTES = 1_000_000;
export const MAX_PACK_INCIDENTS = 500;
const MAX_DEPTH = 32;
const MAX_ERRORS = 20;

export const PackOriginSchema = z.strictObject({
  /** Who published the pack (a fact-checker, a newsroom, a person). */
  publisher: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  url: z.optional(HttpsUrlSchema),
});
export type PackOrigin = z.infer<typeof PackOriginSchema>;

export const PackSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  id: IncidentIdSchema,
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  origin: PackOriginSchema,
  incidents: z.array(IncidentSchema).check(z.minLength(1), z.maxLength(MAX_PACK_INCIDENTS)),
});
export type Pack = z.infer<typeof PackSchema>;

/** A pack as stored after import. */
export const ImportedPackSchema = z.strictObject({
  pack: PackSchema,
  /** ms since epoch. */
  importedAt: z.number(),
  /** What the file was: our format, or converted from ClaimReview. */
  from: z.enum(['pack', 'claim-review']),
});
export type ImportedPack = z.infer<typeof ImportedPackSchema>;

/** An imported incident keeps where it came from, so pages can say "imported from <publisher>". */
export type ImportedIncident = Incident & { origin: PackOrigin; packId: string };

export type ParsePackResult =
  | { ok: true; pack: Pack; from: ImportedPack['from']; warnings: string[] }
  | { ok: false; errors: string[] };

export interface ParsePackOptions {
  /** Incident ids that already exist (the bundled knowledge base): a pack may not reuse them. */
  reservedIds?: Iterable<string>;
}

/** Parses a pack file's text. Never throws. */
export function parsePack(text: string, options: ParsePackOptions = {}): ParsePackResult {
  if (typeof text !== 'string') return fail(['file: not text']);
  if (text.length > MAX_PACK_BYTES || new TextEncoder().encode(text).length > MAX_PACK_BYTES) {
    return fail([`file: too large (the limit is ${MAX_PACK_BYTES / 1_000_000} MB)`]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail([`file: not valid JSON (${error instanceof Error ? error.message : 'parse error'})`]);
  }

  const walkErrors = checkValues(data);
  if (walkErrors.length > 0) return fail(walkErrors);

  const reserved = new Set(options.reservedIds ?? []);
  if (isRecord(data) && 'format' in data) return parseOwnFormat(data, reserved);
  const reviews = claimReviewsIn(data);
  if (reviews) return fromClaimReviews(reviews, reserved);
  return fail([
    `file: not a Grok Context pack (with "format": "${PACK_FORMAT}") nor ClaimReview JSON-LD (objects with "@type": "ClaimReview")`,
  ]);
}

/** The JSON a pack is exported as: our own format, so it imports back unchanged. */
export function serializePack(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** Converts stored packs to incidents carrying their origin. */
export function incidentsOfPacks(packs: readonly ImportedPack[]): ImportedIncident[] {
  return packs.flatMap(({ pack }) =>
    pack.incidents.map((incident) => ({ ...incident, origin: pack.origin, packId: pack.id })),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Our own format

function parseOwnFormat(data: Record<string, unknown>, reserved: ReadonlySet<string>): ParsePackResult {
  if (data.format !== PACK_FORMAT) return fail([`format: must be "${PACK_FORMAT}"`]);
  if (data.version !== PACK_VERSION) {
    return fail([`version: unsupported pack version ${JSON.stringify(data.version)} (this version reads ${PACK_VERSION})`]);
  }
  if (Array.isArray(data.incidents) && data.incidents.length > MAX_PACK_INCIDENTS) {
    return fail([`incidents: too many entries (${data.incidents.length}; the limit is ${MAX_PACK_INCIDENTS})`]);
  }
  const result = PackSchema.safeParse(data);
  if (!result.success) return fail(formatIssues(result.error.issues));
  const errors = checkPack(result.data, reserved, (index) => `incidents[${index}]`);
  return errors.length > 0 ? fail(errors) : { ok: true, pack: result.data, from: 'pack', warnings: [] };
}

/** Checks the schema cannot express: ids unique and not bundled, claims long enough to match safely. */
function checkPack(pack: Pack, reserved: ReadonlySet<string>, entry: (index: number) => string): string[] {
  const errors: string[] = [];
  if (reserved.has(pack.id)) errors.push(`id: "${pack.id}" is already used by a bundled incident`);
  const seen = new Map<string, number>();
  pack.incidents.forEach((incident, index) => {
    const earlier = seen.get(incident.id);
    if (earlier !== undefined) {
      errors.push(`${entry(index)}.id: "${incident.id}" is used twice (also ${entry(earlier)})`);
    } else {
      seen.set(incident.id, index);
    }
    if (reserved.has(incident.id)) {
      errors.push(`${entry(index)}.id: "${incident.id}" is already a bundled incident; choose another id`);
    }
    for (const lang of ['en', 'he'] as const) {
      incident.claims[lang].forEach((claim, claimIndex) => {
        if (!isSafeClaim(claim)) {
          errors.push(`${entry(index)}.claims.${lang}[${claimIndex}]: too short to match safely (at least 3 words)`);
        }
      });
    }
  });
  return errors;
}

/** A claim of one or two words would mark ordinary text on every page. */
function isSafeClaim(claim: string): boolean {
  return claim.trim().split(/\s+/u).length >= 3 && claim.trim().length >= 12;
}

// ---------------------------------------------------------------------------------------------------------
// ClaimReview JSON-LD (https://schema.org/ClaimReview, as in Google's fact-check markup)

interface Located {
  value: Record<string, unknown>;
  /** How the entry is named in error messages, e.g. `[2]` or `@graph[2]`. */
  path: string;
}

/** The ClaimReview objects of a JSON-LD document, or undefined when it has none. */
function claimReviewsIn(data: unknown): Located[] | undefined {
  let entries: Located[];
  if (Array.isArray(data)) {
    entries = data.map((value, index) => ({ value, path: `[${index}]` })).filter(isLocatedRecord);
  } else if (isRecord(data) && Array.isArray(data['@graph'])) {
    entries = data['@graph'].map((value, index) => ({ value, path: `@graph[${index}]` })).filter(isLocatedRecord);
  } else if (isRecord(data)) {
    entries = [{ value: data, path: '' }];
  } else {
    return undefined;
  }
  const reviews = entries.filter((entry) => hasType(entry.value, 'ClaimReview'));
  return reviews.length > 0 ? reviews : undefined;
}

function fromClaimReviews(reviews: Located[], reserved: ReadonlySet<string>): ParsePackResult {
  if (reviews.length > MAX_PACK_INCIDENTS) {
    return fail([`file: too many ClaimReview entries (${reviews.length}; the limit is ${MAX_PACK_INCIDENTS})`]);
  }
  const errors: string[] = [];
  const warnings: string[] = [];
  const incidents: Incident[] = [];
  const entryPaths: string[] = [];
  const firstPublisher = publisherOf(reviews[0]?.value ?? {});
  const packId = `claimreview-${slug(firstPublisher.publisher).slice(0, 40) || hash(firstPublisher.publisher)}`;

  for (const review of reviews) {
    const converted = convertClaimReview(review, packId);
    if ('skip' in converted) warnings.push(converted.skip);
    else if ('errors' in converted) errors.push(...converted.errors);
    else {
      incidents.push(converted.incident);
      entryPaths.push(review.path);
    }
  }
  if (errors.length > 0) return fail(errors);
  if (incidents.length === 0) {
    return fail(['file: no ClaimReview entry rates its claim false, fabricated or misleading', ...warnings]);
  }
  dedupeIds(incidents);

  const candidate = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: packId,
    title: `Fact-checks from ${firstPublisher.publisher}`.slice(0, 200),
    origin: firstPublisher,
    incidents,
  };
  const name = (index: number): string => entryPaths[index] || 'ClaimReview';
  const result = PackSchema.safeParse(candidate);
  if (!result.success) {
    // Lengths and formats were checked during conversion; this names the source entry if anything slipped.
    return fail(
      formatIssues(result.error.issues).map((message) =>
        message.replace(/^incidents\[(\d+)\]/u, (_, index: string) => name(Number(index))),
      ),
    );
  }
  const packErrors = checkPack(result.data, reserved, name);
  if (packErrors.length > 0) return fail(packErrors);
  return { ok: true, pack: result.data, from: 'claim-review', warnings };
}

type Conversion = { incident: Incident } | { errors: string[] } | { skip: string };

function convertClaimReview({ value: review, path }: Located, packId: string): Conversion {
  const at = (field: string): string => (path ? `${path}.${field}` : field);
  const errors: string[] = [];

  const claim = text(review.claimReviewed);
  if (!claim) errors.push(`${at('claimReviewed')}: required (the claim that was checked)`);
  else if (claim.length > 1000) errors.push(`${at('claimReviewed')}: too long (at most 1000 characters)`);

  const ratingObject = isRecord(review.reviewRating) ? review.reviewRating : undefined;
  const ratingName = text(ratingObject?.alternateName) ?? text(ratingObject?.name);
  const rating = ratingOf(ratingObject);
  if (rating === undefined) {
    errors.push(
      ratingName
        ? `${at('reviewRating.alternateName')}: "${ratingName.slice(0, 60)}" is not a rating this pack reader understands (use False, Fabricated or Misleading)`
        : `${at('reviewRating.alternateName')}: required (the fact-checker's verdict, e.g. "False")`,
    );
  }

  const item = isRecord(review.itemReviewed) ? review.itemReviewed : {};
  const rawDate = text(item.datePublished) ?? text(review.datePublished);
  const date = rawDate?.slice(0, 10);
  if (!date || !IsoDateSchema.safeParse(date).success) {
    errors.push(`${at('datePublished')}: required, a date like 2024-04-04`);
  }

  const url = text(review.url);
  if (url !== undefined && !HttpsUrlSchema.safeParse(url).success) {
    errors.push(`${at('url')}: must be an https:// URL`);
  }
  const { publisher } = publisherOf(review);
  const headline = text(review.headline) ?? text(review.name);
  const body = text(review.reviewBody) ?? text(review.description);
  for (const [field, value, max] of [
    ['headline', headline, 500],
    ['reviewBody', body, 2000],
  ] as const) {
    if (value !== undefined && value.length > max) errors.push(`${at(field)}: too long (at most ${max} characters)`);
  }
  if (errors.length > 0) return { errors };
  // Narrowed by the checks above.
  if (!claim || !date || rating === undefined) return { errors: [`${at('claimReviewed')}: unreadable entry`] };
  if (rating === 'not-false') {
    return { skip: `${path || 'ClaimReview'}: skipped, rated "${ratingName ?? ''}" (only false, fabricated or misleading claims are marked)` };
  }

  const claimAuthor = nameOf(item.author);
  const appearanceUrl = firstUrl(item.appearance) ?? firstUrl(item.firstAppearance);
  const appearanceHost = appearanceUrl ? hostOf(appearanceUrl) : undefined;
  const appearance = {
    en: [claimAuthor && `Said by ${claimAuthor}`, appearanceHost && `seen on ${appearanceHost}`].filter(Boolean).join(', ') ||
      'Where it appeared is not stated in the fact-check',
    he: [claimAuthor && `נאמר על ידי ${claimAuthor}`, appearanceHost && `הופיע ב־${appearanceHost}`].filter(Boolean).join(', ') ||
      'בבדיקת העובדות לא צוין היכן הופיעה הטענה',
  };
  const verdict = ratingName ?? rating;
  const isHebrew = /[\u0590-\u05FF]/u.test(claim);
  const incident: Incident = {
    id: `${packId.slice(0, 40)}-${slug(claim).slice(0, 24) || 'claim'}-${hash(`${claim}\n${url ?? ''}`)}`.replace(/-+/gu, '-'),
    // No Hebrew in the source: the original text stands for both languages.
    title: { en: claim.slice(0, 300), he: claim.slice(0, 300) },
    date,
    surface: 'trending-summary',
    rating,
    appearance,
    claims: isHebrew ? { en: [], he: [claim] } : { en: [claim], he: [] },
    claim: { en: claim, he: claim },
    happened: {
      en: `${publisher} checked this claim and rated it "${verdict}".`,
      he: `${publisher} בדק/ה את הטענה ודירג/ה אותה: "${verdict}".`,
    },
    why: body ? { en: body, he: body } : { en: 'See the fact-check for the reasoning.', he: 'הנימוקים מופיעים בבדיקת העובדות.' },
    cautions: [],
    sources: [
      {
        publisher,
        title: (headline ?? `Fact-check: ${claim}`).slice(0, 500),
        ...(text(review.datePublished)?.slice(0, 10).match(/^\d{4}-\d{2}-\d{2}$/u)
          ? { date: text(review.datePublished)?.slice(0, 10) }
          : {}),
        ...(url ? { url } : {}),
      },
    ],
    confidence: 'medium',
  };
  return { incident };
}

/** Maps a fact-checker's verdict to our ratings; 'not-false' for verdicts we must not mark. */
function ratingOf(rating: Record<string, unknown> | undefined): Rating | 'not-false' | undefined {
  if (!rating) return undefined;
  const name = (text(rating.alternateName) ?? text(rating.name) ?? '').toLowerCase();
  if (name) {
    if (/fabricat|\bfake\b|made[ -]up|\bhoax\b|invented/u.test(name)) return 'Fabricated';
    if (/mislead|mostly false|partly false|partially false|half[ -]true|missing context|out of context|lacks context|\bmix|distort|exaggerat|unproven/u.test(name)) {
      return 'Misleading';
    }
    if (/false|incorrect|wrong|pants on fire|not true|untrue|baseless|no evidence|debunked|inaccurate/u.test(name)) {
      return 'False';
    }
    if (/\btrue\b|correct|accurate|\bright\b|verified/u.test(name)) return 'not-false';
  }
  const value = Number(rating.ratingValue);
  const best = Number(rating.bestRating ?? 5);
  const worst = Number(rating.worstRating ?? 1);
  if (rating.ratingValue === undefined || !Number.isFinite(value) || !Number.isFinite(best) || !Number.isFinite(worst) || best === worst) {
    return undefined;
  }
  const share = (value - worst) / (best - worst);
  if (share <= 0.25) return 'False';
  if (share <= 0.5) return 'Misleading';
  return 'not-false';
}

function publisherOf(review: Record<string, unknown>): { publisher: string; url?: string } {
  const author = Array.isArray(review.author) ? review.author[0] : review.author;
  const name = nameOf(author) ?? hostOf(text(review.url) ?? '') ?? 'Unnamed fact-checker';
  const url = isRecord(author) ? text(author.url) : undefined;
  const safeUrl = url && HttpsUrlSchema.safeParse(url).success ? url : originOf(text(review.url));
  return { publisher: name.slice(0, 200), ...(safeUrl ? { url: safeUrl } : {}) };
}

function nameOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return nameOf(value[0]);
  if (typeof value === 'string') return text(value);
  if (isRecord(value)) return text(value.name) ?? text(value.alternateName);
  return undefined;
}

function firstUrl(value: unknown): string | undefined {
  if (Array.isArray(value)) return firstUrl(value[0]);
  if (typeof value === 'string') return value;
  if (isRecord(value)) return text(value.url);
  return undefined;
}

function hostOf(url: string): string | undefined {
  try {
    const host = new URL(url).hostname;
    return host || undefined;
  } catch {
    return undefined;
  }
}

function originOf(url: string | undefined): string | undefined {
  if (!url || !HttpsUrlSchema.safeParse(url).success) return undefined;
  return `${new URL(url).origin}/`;
}

function hasType(value: Record<string, unknown>, type: string): boolean {
  const types = Array.isArray(value['@type']) ? value['@type'] : [value['@type']];
  return types.some((t) => typeof t === 'string' && (t === type || t.endsWith(`/${type}`) || t.endsWith(`:${type}`)));
}

/** Ids are made from the claim and a hash; two reviews of the same claim at the same URL get a suffix. */
function dedupeIds(incidents: Incident[]): void {
  const seen = new Set<string>();
  for (const incident of incidents) {
    let id = incident.id;
    for (let n = 2; seen.has(id); n += 1) id = `${incident.id}-${n}`;
    incident.id = id;
    seen.add(id);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Checks on every value of the file, before any schema

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Tags, comments and CDATA: a pack's texts are shown as text, and markup in them is a sign of a bad file. */
const MARKUP = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|<!\[CDATA\[/iu;
/** C0/C1 controls other than tab and newline, and bidi overrides that could disguise a text. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

function checkValues(root: unknown): string[] {
  const errors: string[] = [];
  // Iterative so a deeply nested file cannot overflow the stack.
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: '', depth: 0 }];
  while (stack.length > 0 && errors.length < MAX_ERRORS) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    const name = path || 'file';
    if (typeof value === 'string') {
      if (MARKUP.test(value)) errors.push(`${name}: must not contain markup (HTML tags)`);
      else if (CONTROL.test(value)) errors.push(`${name}: must not contain control or direction-override characters`);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      errors.push(`${name}: nested too deeply (at most ${MAX_DEPTH} levels)`);
      continue;
    }
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) {
        stack.push({ value: value[index], path: `${path}[${index}]`, depth: depth + 1 });
      }
      continue;
    }
    const keys = Object.keys(value);
    for (let index = keys.length - 1; index >= 0; index -= 1) {
      const key = keys[index] as string;
      const childPath = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) {
        errors.push(`${childPath}: field name not allowed`);
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: childPath, depth: depth + 1 });
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------------
// Helpers

/** Zod issues → `path: message`, in words a person editing the file understands. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const messages: string[] = [];
  for (const issue of issues) {
    const path = pathText(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) messages.push(`${path ? `${path}.` : ''}${key}: unknown field`);
      continue;
    }
    messages.push(`${path || 'file'}: ${issueText(issue)}`);
  }
  return messages;
}

function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : `must be ${article(issue.expected)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `too many entries (at most ${String(issue.maximum)})`
        : `too long (at most ${String(issue.maximum)} characters)`;
    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${String(issue.minimum)} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}`
        : issue.minimum === 1
          ? 'must not be empty'
          : `too short (at least ${String(issue.minimum)} characters)`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
    case 'custom':
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : `has the wrong format`;
    case 'invalid_union':
      return 'is not valid';
    default:
      return issue.message || 'is not valid';
  }
}

function article(expected: string): string {
  return /^[aeiou]/u.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function limit(messages: string[]): string[] {
  return messages.length > MAX_ERRORS
    ? [...messages.slice(0, MAX_ERRORS), `…and ${messages.length - MAX_ERRORS} more problems`]
    : messages;
}

function fail(errors: string[]): ParsePackResult {
  return { ok: false, errors: limit(errors) };
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLocatedRecord(entry: { value: unknown; path: string }): entry is Located {
  return isRecord(entry.value);
}

function slug(value: string): string {
  return value
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

/** FNV-1a, base 36: short stable ids for converted entries. */
function hash(value: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
