/**
 * The subset of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) that
 * Factmark writes, as zod schemas: an AnnotationCollection whose first AnnotationPage holds one
 * Annotation a claim. The W3C export is checked against it in tests, and read back with it on restore.
 * Factmark's own fields (revision, status history, evidence ids/stances) use the "fm:" prefix,
 * declared in the second @context entry, as the model's extension rules ask.
 */
import { z } from 'zod';
import { ClaimantKind, OptionalDate, Stance, Status, Timestamp } from '../../../src-shared/model';

/** The Web Annotation JSON-LD context; it must come first in @context. */
export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The namespace of Factmark's extension properties ("fm:..."). */
export const FACTMARK_VOCAB = 'urn:factmark:vocab:';

/** The motivations defined by the model (section 3.3.5); purposes take the same values. */
export const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
] as const;

/** An absolute IRI (scheme ":" something), as ids, sources and targets must be. */
export const Iri = z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/, 'must be an absolute IRI');

const Motivation = z.enum(MOTIVATIONS);

export const W3cTextQuoteSelector = z
  .object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1), prefix: z.string(), suffix: z.string() })
  .strict();

export const W3cTextPositionSelector = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().min(0), end: z.number().int().min(0) })
  .strict()
  .refine((s) => s.end >= s.start, 'end must not be before start');

export const W3cAgent = z
  .object({ type: z.enum(['Person', 'Organization', 'Software']), name: z.string().min(1), id: Iri.optional() })
  .strict();

/** The status: purpose "assessing", the label as value, the status id in fm:status. */
export const W3cStatusBody = z
  .object({ type: z.literal('TextualBody'), purpose: z.literal('assessing'), value: z.string().min(1), format: z.literal('text/plain'), 'fm:status': Status })
  .strict();

/** The claimant (purpose "tagging"), the public explanation ("describing") or the internal note ("commenting"). */
export const W3cTextBody = z
  .object({ type: z.literal('TextualBody'), purpose: z.enum(['tagging', 'describing', 'commenting']), value: z.string().min(1), format: z.literal('text/plain') })
  .strict();

/** One piece of evidence with purpose "linking": a web resource, or a source without a URL named by a Factmark URN (with fm:url ""). */
export const W3cEvidenceBody = z
  .object({
    type: z.literal('SpecificResource'),
    purpose: z.literal('linking'),
    source: z.object({ id: Iri, label: z.string().min(1).optional() }).strict(),
    'fm:evidenceId': z.string(),
    'fm:stance': Stance,
    'fm:note': z.string().min(1).optional(),
    'fm:date': z.string().min(1).optional(),
    'fm:citation': z.string().min(1).optional(),
    /** The URL exactly as recorded, present only when it differs from source.id (the normalised IRI). */
    'fm:url': z.string().optional(),
  })
  .strict();

export const W3cBody = z.union([W3cStatusBody, W3cTextBody, W3cEvidenceBody]);

export const W3cStatusChange = z.object({ 'fm:status': Status, 'fm:at': Timestamp, 'fm:reviewer': z.string() }).strict();

export const W3cAnnotation = z
  .object({
    id: Iri,
    type: z.literal('Annotation'),
    motivation: z.array(Motivation).min(1),
    created: Timestamp,
    modified: Timestamp,
    creator: W3cAgent,
    body: z.array(W3cBody).min(1),
    target: z
      .object({
        type: z.literal('SpecificResource'),
        source: Iri,
        selector: z.tuple([W3cTextQuoteSelector, W3cTextPositionSelector]),
      })
      .strict(),
    'fm:revision': z.number().int().min(1),
    'fm:statusHistory': z.array(W3cStatusChange),
    /** Publication fields (absent in exports made before they existed). */
    'fm:claimAsChecked': z.string().optional(),
    'fm:verdictDate': OptionalDate.optional(),
    'fm:claimantKind': ClaimantKind.optional(),
  })
  .strict()
  .refine((a) => a.body.filter((b) => b.purpose === 'assessing').length === 1, 'an annotation needs exactly one assessing body');

export const W3cAnnotationPage = z
  .object({
    id: Iri,
    type: z.literal('AnnotationPage'),
    partOf: Iri,
    startIndex: z.number().int().min(0),
    items: z.array(W3cAnnotation),
  })
  .strict();

export const W3cAnnotationCollection = z
  .object({
    '@context': z.tuple([z.literal(W3C_CONTEXT), z.object({ fm: z.literal(FACTMARK_VOCAB) }).strict()]),
    id: Iri,
    type: z.literal('AnnotationCollection'),
    label: z.string().min(1),
    total: z.number().int().min(0),
    generator: W3cAgent,
    generated: Timestamp,
    first: W3cAnnotationPage,
    last: Iri,
  })
  .strict()
  .refine((c) => c.total === c.first.items.length, 'total must equal the number of annotations')
  .refine((c) => c.first.partOf === c.id && c.last === c.first.id, 'the page must be part of the collection and be its last page');

export type W3cAnnotationRecord = z.infer<typeof W3cAnnotation>;
export type W3cCollectionRecord = z.infer<typeof W3cAnnotationCollection>;
export type W3cBodyRecord = z.infer<typeof W3cBody>;
