import { parse } from 'postcode';

/** A UK postcode that passed validation, in its normal written form ("PE30 1AB"). */
export interface Postcode {
  /** Upper case with one space: "PE30 1AB". */
  postcode: string;
  /** The part before the space: "PE30", "SW1A". */
  outcode: string;
  /** The district without any sub-district letter: "PE30", "SW1". */
  district: string;
  /** The letters that start it: "PE", "SW". */
  area: string;
}

export type PostcodeErrorCode = 'empty' | 'invalid_characters' | 'outcode_only' | 'malformed';

/** Why a postcode was refused, with a message written for residents (GOV.UK style: say what to do). */
export interface PostcodeError {
  code: PostcodeErrorCode;
  message: string;
}

export type PostcodeResult = { ok: true; value: Postcode } | { ok: false; error: PostcodeError };

const example = 'for example PE30 1AB';

export const postcodeMessages: Record<PostcodeErrorCode, string> = {
  empty: 'Enter a postcode',
  invalid_characters: `A postcode only has letters and numbers, ${example}`,
  outcode_only: `Enter the whole postcode, ${example}, not just the first part`,
  malformed: `Enter a real postcode, ${example}`,
};

function refuse(code: PostcodeErrorCode): PostcodeResult {
  return { ok: false, error: { code, message: postcodeMessages[code] } };
}

/**
 * Validates and normalises what a resident typed as a UK postcode: any case, any spacing
 * ("pe301ab", " PE30  1AB "). Anything else gets a specific reason and message.
 */
export function normalisePostcode(input: string): PostcodeResult {
  const trimmed = input.trim();
  if (trimmed === '') return refuse('empty');
  if (/[^a-z0-9\s]/i.test(trimmed)) return refuse('invalid_characters');
  const parsed = parse(trimmed.replace(/\s+/g, ''));
  if (!parsed.valid) {
    return parse(`${trimmed.replace(/\s+/g, '')}1AA`).valid ? refuse('outcode_only') : refuse('malformed');
  }
  return { ok: true, value: { postcode: parsed.postcode, outcode: parsed.outcode, district: parsed.district, area: parsed.area } };
}
