/**
 * Knowledge-base schemas, shaped after schema.org ClaimReview: the claim reviewed (`claims`), its author and
 * where it appeared (`author`, `appearance`, `surface`), when (`date`), the rating, and the sources.
 * Parsed once at the boundary; everything downstream gets typed data.
 */
import * as z from 'zod/mini';

const nonEmpty = z.string().check(z.trim(), z.minLength(1), z.maxLength(2000));

/** `https:` URLs only: no http, no javascript:, no data:. */
export const HttpsUrlSchema = z.string().check(
  z.maxLength(2048),
  z.refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an https:// URL'),
);

export const IsoDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2024-04-04'));

export const IncidentIdSchema = z.string().check(
  z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens'),
  z.maxLength(80),
);

export const LocalizedTextSchema = z.strictObject({ en: nonEmpty, he: nonEmpty });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const SourceSchema = z.strictObject({
  publisher: nonEmpty,
  title: nonEmpty,
  date: z.optional(IsoDateSchema),
  /** Only where the facts list a verified link. */
  url: z.optional(HttpsUrlSchema),
});
export type Source = z.infer<typeof SourceSchema>;

export const SurfaceSchema = z.enum(['trending-summary', 'chatbot-answer']);
export type Surface = z.infer<typeof SurfaceSchema>;

export const RatingSchema = z.enum(['Fabricated', 'False', 'Misleading']);
export type Rating = z.infer<typeof RatingSchema>;

export const IncidentSchema = z.strictObject({
  id: IncidentIdSchema,
  title: LocalizedTextSchema,
  /** When the claim appeared (first day). */
  date: IsoDateSchema,
  /** Human wording of the date where it is approximate or spans days, e.g. "night of 16–17 April 2024". */
  dateText: z.optional(LocalizedTextSchema),
  surface: SurfaceSchema,
  rating: RatingSchema,
  /** ClaimReview itemReviewed.appearance: where the claim was shown. */
  appearance: LocalizedTextSchema,
  /**
   * Texts matched on pages. `en`: verbatim texts from the facts only (and spellings the facts record);
   * `he`: our Hebrew renderings (more than one, to tolerate other translators). Empty for context-only entries.
   */
  claims: z.strictObject({
    en: z.array(nonEmpty).check(z.maxLength(20)),
    he: z.array(nonEmpty).check(z.maxLength(20)),
  }),
  /** The claim as shown to people on the card/context page (verbatim where known, else a description). */
  claim: LocalizedTextSchema,
  happened: LocalizedTextSchema,
  why: LocalizedTextSchema,
  cautions: z.array(LocalizedTextSchema).check(z.maxLength(10)),
  sources: z.array(SourceSchema).check(z.minLength(1), z.maxLength(20)),
  confidence: z.enum(['high', 'medium']),
});
export type Incident = z.infer<typeof IncidentSchema>;

export const TermSchema = z.strictObject({ text: nonEmpty, matchCase: z.optional(z.boolean()) });
export const LangSchema = z.enum(['en', 'he']);

export const SignalsSchema = z.strictObject({
  labels: z.array(z.strictObject({ lang: LangSchema, text: nonEmpty, prefixWords: z.number().check(z.int(), z.minimum(2), z.maximum(20)) })),
  mentions: z.array(
    z.strictObject({
      lang: LangSchema,
      subjects: z.array(TermSchema),
      topics: z.array(TermSchema),
      standalone: z.array(TermSchema),
      idioms: z.optional(z.array(TermSchema)),
      window: z.number().check(z.int(), z.minimum(1), z.maximum(30)),
    }),
  ),
  lexicon: z.array(z.array(nonEmpty).check(z.minLength(2))),
});
export type Signals = z.infer<typeof SignalsSchema>;

export const KnowledgeBaseSchema = z.strictObject({
  version: z.number().check(z.int(), z.minimum(1)),
  incidents: z.array(IncidentSchema).check(z.minLength(1)),
  signals: SignalsSchema,
});
export type KnowledgeBase = z.infer<typeof KnowledgeBaseSchema>;
