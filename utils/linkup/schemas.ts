/**
 * zod schemas for Linkup's responses: strict about structure (the envelope, the arrays and the
 * pagination the extension steers by), tolerant of values (an odd optional field becomes ''
 * instead of failing a pull). Candidates and accounts are parsed one by one so a single
 * unreadable record is skipped and counted, never fatal to its page.
 */
// zod/mini: the same schemas as full zod at a fraction of the bundle size.
import { z } from 'zod/mini';
import type { ApiCandidate, CandidatesPage, Experience, LinkupAccount } from './types';

// ---------------------------------------------------------------------------------------------
// Value helpers

/** Optional text: missing, null or a wrong type (number, object...) becomes ''. */
const text = z.catch(z.string(), '');

/** A non-negative number, also when sent as a digit string (`"42"`). */
const count = z.union([
  z.number().check(z.nonnegative()),
  z.pipe(z.string().check(z.trim(), z.regex(/^\d+(\.\d+)?$/)), z.transform(Number)),
]);

/** A count that is informative only: anything unreadable is `null` rather than an error. */
const optionalCount = z.catch(z.nullable(count), null);

/**
 * An ID that can be stored as a key: a digit string, or a JSON number that is a safe integer
 * (bigger numbers have already lost digits in `JSON.parse`, so they could collide).
 */
const digitId = z.union([
  z.string().check(z.trim(), z.regex(/^\d+$/)),
  z.pipe(z.int().check(z.nonnegative(), z.maximum(Number.MAX_SAFE_INTEGER)), z.transform(String)),
]);

/** `true`, `"true"`, `1` and `"1"` are true; anything else (missing included) is false. */
// `z.optional` first: zod 4 reports a missing key as an issue when a transform follows.
const booleanish = z.pipe(
  z.optional(z.unknown()),
  z.transform((value) => {
    if (typeof value === 'string') return ['true', '1', 'yes'].includes(value.trim().toLowerCase());
    return value === true || value === 1;
  }),
);

// ---------------------------------------------------------------------------------------------
// Envelopes

/** `metadata` is informative: a missing or odd one reads as "no credits consumed". */
const metadataSchema = z.catch(z.looseObject({ credits_consumed: z.catch(count, 0) }), {
  credits_consumed: 0,
});

/** `{"success": true, "data": ..., "metadata": ...}`; each action checks `data` itself. */
export const successEnvelopeSchema = z.looseObject({
  success: z.literal(true),
  data: z.unknown(),
  metadata: metadataSchema,
});
export type SuccessEnvelope = z.infer<typeof successEnvelopeSchema>;

/** `{"success": false, "error": {"code", "message"}}`; codes are matched upper-cased. */
export const errorEnvelopeSchema = z.looseObject({
  success: z.literal(false),
  error: z.looseObject({
    code: z.pipe(
      text,
      z.transform((code) => code.trim().toUpperCase()),
    ),
    message: text,
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

// ---------------------------------------------------------------------------------------------
// get_candidates

const experienceSchema = z.pipe(
  z.looseObject({
    title: text,
    company: text,
    company_url: text,
    date_range: text,
    description: text,
  }),
  z.transform(
    (raw): Experience => ({
      title: raw.title,
      company: raw.company,
      companyUrl: raw.company_url,
      dateRange: raw.date_range,
      description: raw.description,
    }),
  ),
);

/** Keeps the readable experiences; a list that is not an array is an empty list. */
const experiencesSchema = z.pipe(
  z.catch(z.array(z.unknown()), []),
  z.transform((list) =>
    list.flatMap((item) => {
      const parsed = experienceSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }),
  ),
);

/** One raw candidate; fails only when there is no usable `application_id`. */
export const candidateSchema = z.pipe(
  z.looseObject({
    application_id: digitId,
    // Raw value kept: GOOD and GOOD_FIT both occur, and new values must not fail a pull.
    rating: text,
    is_top_choice: booleanish,
    top_choice_message: text,
    first_name: text,
    last_name: text,
    full_name: text,
    headline: text,
    public_identifier: text,
    profile_url: text,
    location: text,
    // Unconfirmed field (seen in production code only).
    application_date: text,
    experiences: experiencesSchema,
  }),
  z.transform(
    (raw): ApiCandidate => ({
      applicationId: raw.application_id,
      rating: raw.rating,
      isTopChoice: raw.is_top_choice,
      topChoiceMessage: raw.top_choice_message,
      firstName: raw.first_name,
      lastName: raw.last_name,
      // The list shows full names: build one when the API leaves it empty.
      fullName: raw.full_name || [raw.first_name, raw.last_name].filter(Boolean).join(' '),
      headline: raw.headline,
      publicIdentifier: raw.public_identifier,
      profileUrl: raw.profile_url,
      location: raw.location,
      applicationDate: raw.application_date,
      experiences: raw.experiences,
    }),
  ),
);

/** A candidate normalised, or `null` when the record cannot be stored (no application ID). */
export function normalizeCandidate(raw: unknown): ApiCandidate | null {
  const parsed = candidateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** `data` of `get_candidates`. Candidates stay `unknown` here: they are read one by one. */
export const candidatesDataSchema = z.looseObject({
  candidates: z.array(z.unknown()),
  total_results: optionalCount,
  total_available_results: optionalCount,
  pagination: z.looseObject({
    next_offset: z.nullable(z.int().check(z.nonnegative())),
    has_more: z.boolean(),
  }),
});
export type CandidatesData = z.infer<typeof candidatesDataSchema>;

/** Builds a page from validated `data`: unreadable records are dropped and counted. */
export function toCandidatesPage(
  data: CandidatesData,
  offset: number,
  creditsConsumed: number,
): CandidatesPage {
  const candidates: ApiCandidate[] = [];
  let skipped = 0;
  for (const raw of data.candidates) {
    const candidate = normalizeCandidate(raw);
    if (candidate) candidates.push(candidate);
    else skipped += 1;
  }
  return {
    candidates,
    skipped,
    offset,
    totalResults: data.total_results ?? data.candidates.length,
    totalAvailable: data.total_available_results,
    nextOffset: data.pagination.next_offset,
    hasMore: data.pagination.has_more,
    creditsConsumed,
  };
}

// ---------------------------------------------------------------------------------------------
// Credits, accounts, CV

/** `data` of `GET /v2/credits`: `{"credits": 4825}`. */
export const creditsDataSchema = z.looseObject({
  credits: z.union([
    z.number(),
    z.pipe(z.string().check(z.trim(), z.regex(/^-?\d+(\.\d+)?$/)), z.transform(Number)),
  ]),
});

/** One account; fields beyond `account_id`, `status` and `platform` are unpublished. */
const accountSchema = z.pipe(
  z.looseObject({
    account_id: z.union([
      z.string().check(z.trim(), z.minLength(1)),
      z.pipe(
        z.int().check(z.nonnegative(), z.maximum(Number.MAX_SAFE_INTEGER)),
        z.transform(String),
      ),
    ]),
    status: text,
    platform: text,
    name: text,
    display_name: text,
    full_name: text,
    username: text,
  }),
  z.transform(
    (raw): LinkupAccount => ({
      accountId: raw.account_id,
      status: raw.status,
      platform: raw.platform,
      label:
        [raw.name, raw.display_name, raw.full_name, raw.username]
          .map((value) => value.trim())
          .find(Boolean) ?? raw.account_id,
    }),
  ),
);

/** An account normalised, or `null` when it has no account ID. */
export function normalizeAccount(raw: unknown): LinkupAccount | null {
  const parsed = accountSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** `data` of `GET /v2/accounts`: `{"items": [...], "total": 3}`. */
export const accountsDataSchema = z.looseObject({
  items: z.array(z.unknown()),
  total: optionalCount,
});

/** `data` of `get_cv`: `{"cv": {content (base64), content_type, filename}}`, or no CV. */
export const cvDataSchema = z.looseObject({
  cv: z.nullish(
    z.looseObject({
      content: z.nullish(z.string()),
      content_type: text,
      filename: text,
    }),
  ),
});
