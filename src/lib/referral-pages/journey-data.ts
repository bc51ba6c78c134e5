import { loadAreas } from '../areas/load.ts';
import { publicConfig } from '../config.ts';
import { loadDirectoryIndex } from '../directory/load.ts';
import { limits } from '../referrals/schema.ts';

export interface JourneyArea {
  code: string;
  name: string;
  selfReferralOpen: boolean;
  phone: string | null;
}

export interface JourneyPractice {
  code: string;
  name: string;
  town: string | null;
  pcnCode: string;
}

export interface JourneyNeed {
  code: string;
  label: string;
}

/** What the referral islands need from the build: only public data and the publishable key. */
export interface JourneyData {
  areas: JourneyArea[];
  practices: JourneyPractice[];
  needs: JourneyNeed[];
  supabase: { url: string; publishableKey: string };
  postcodesUrl: string;
  /** The character counts' limits, from the shared schema (which the islands load only after the page). */
  limits: { what_matters: number; reason: number };
}

/** The areas, their practices and the needs taxonomy in residents' words, read once per build. */
export async function loadJourneyData(): Promise<JourneyData> {
  const config = publicConfig();
  const [{ areas }, { needs }] = await Promise.all([loadAreas(), loadDirectoryIndex()]);
  return {
    areas: areas.map((a) => ({ code: a.code, name: a.name, selfReferralOpen: a.selfReferralOpen, phone: a.phone })),
    practices: areas
      .flatMap((a) => a.practices.map((p) => ({ code: p.code, name: p.name, town: p.town, pcnCode: a.code })))
      .sort((x, y) => x.name.localeCompare(y.name, 'en-GB')),
    needs: needs.map(({ code, label }) => ({ code, label })),
    supabase: { url: config.PUBLIC_SUPABASE_URL, publishableKey: config.PUBLIC_SUPABASE_PUBLISHABLE_KEY },
    postcodesUrl: config.PUBLIC_POSTCODES_URL,
    limits: { what_matters: limits.what_matters, reason: limits.reason },
  };
}
