import { simplifyMapped } from './convert.js';
import { type FieldText, prepareFieldText } from './field-text.js';
import { indexTerms } from './segment.js';

/** A field's analysis form and offset map: a `FieldText` without the text the caller already has. */
export type FieldForm = Omit<FieldText, 'text'>;

/**
 * The analysis of consecutive documents, in a form that crosses threads cheaply: one list of the
 * distinct terms and typed arrays of numbers instead of a string per term occurrence.
 */
export interface AnalyzedDocs {
  /** The distinct index terms of these documents, in order of first occurrence. */
  terms: string[];
  /** Per document and field (document-major): how many distinct terms the field holds. */
  counts: Int32Array;
  /** Each field's distinct terms in turn, as pairs [position in `terms`, occurrences]. */
  pairs: Int32Array;
  /** Per document and field: the analysis form and offset map of its text. */
  forms: FieldForm[];
}

const NO_FORM: FieldForm = Object.freeze({});

/**
 * Analyses field texts given document-major (`texts[doc * fieldCount + field]`): converts each to
 * the Simplified analysis form once, for both the index terms and the snippets' offset map.
 */
export function analyzeDocs(texts: readonly string[]): AnalyzedDocs {
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const counts = new Int32Array(texts.length);
  const forms: FieldForm[] = [];
  let pairs: Int32Array = new Int32Array(4096);
  let used = 0;
  let frequency: Int32Array = new Int32Array(1024);
  const order: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    const mapped = simplifyMapped(text);
    forms.push(formOf(prepareFieldText(text, mapped)));
    for (const term of indexTerms(mapped)) {
      let id = ids.get(term);
      if (id === undefined) {
        id = terms.length;
        ids.set(term, id);
        terms.push(term);
        if (id >= frequency.length) frequency = grow(frequency, id + 1);
      }
      if (frequency[id] === 0) order.push(id);
      frequency[id]!++;
    }
    counts[i] = order.length;
    if (used + 2 * order.length > pairs.length) pairs = grow(pairs, used + 2 * order.length);
    for (const id of order) {
      pairs[used++] = id;
      pairs[used++] = frequency[id]!;
      frequency[id] = 0;
    }
    order.length = 0;
  }
  return { terms, counts, pairs: pairs.slice(0, used), forms };
}

function formOf({ norm, map }: FieldText): FieldForm {
  if (norm === undefined && map === undefined) return NO_FORM;
  const form: FieldForm = {};
  if (norm !== undefined) form.norm = norm;
  if (map !== undefined) form.map = map;
  return form;
}

function grow(array: Int32Array, needed: number): Int32Array {
  const bigger = new Int32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}
