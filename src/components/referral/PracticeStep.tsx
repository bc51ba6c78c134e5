import { useEffect, useState } from 'react';
import { Choices } from '../govuk/Choices.tsx';
import { describedBy, ErrorMessage } from '../govuk/ErrorMessage.tsx';
import type { JourneyData, JourneyPractice } from '../../lib/referral-pages/journey-data.ts';
import type { PracticeLookup } from './find-practices.ts';
import type { StepProps } from './StepProps.ts';

interface PracticeAnswers {
  postcode: string;
  pcn_code: string;
  gp_practice_code: string;
}

type Props<T extends PracticeAnswers> = StepProps<T> & {
  data: Pick<JourneyData, 'areas' | 'practices' | 'postcodesUrl'>;
  whose: 'your' | 'their';
};

const practiceHint = (p: JourneyPractice) => p.town ?? undefined;

/**
 * The GP practice decides which team gets the referral. The practices of the area the person came
 * from (`?pcn=`) or of the area their postcode lies in come first, as radios; any other covered
 * practice can be chosen from the full list, grouped by area.
 */
export function PracticeStep<T extends PracticeAnswers>({ answers, set, errors, data, whose }: Props<T>) {
  const choose = set as (change: Partial<PracticeAnswers>) => void;
  const [lookup, setLookup] = useState<PracticeLookup | 'looking' | null>(null);
  const [showAll, setShowAll] = useState(false);
  const known = data.areas.some((a) => a.code === answers.pcn_code);

  useEffect(() => {
    if (known || !answers.postcode.trim()) return;
    let live = true;
    setLookup('looking');
    // Geocoding and the boundaries load only for people who did not come from an area page.
    void import('./find-practices.ts')
      .then(({ areasForPostcode }) => areasForPostcode(answers.postcode, data.postcodesUrl))
      .catch((error: unknown): PracticeLookup => ({ kind: 'failed', message: String(error) }))
      .then((found) => live && setLookup(found));
    return () => {
      live = false;
    };
  }, [known, answers.postcode, data.postcodesUrl]);

  const nearCodes = known ? [answers.pcn_code] : lookup && lookup !== 'looking' && lookup.kind === 'found' ? lookup.pcnCodes : [];
  const near = data.practices.filter((p) => nearCodes.includes(p.pcnCode));
  const chosen = data.practices.find((p) => p.code === answers.gp_practice_code);
  const listAll = showAll || near.length === 0 || (chosen !== undefined && !near.includes(chosen));
  const areaNames = data.areas.filter((a) => nearCodes.includes(a.code)).map((a) => a.name);
  const question = whose === 'your' ? 'Which GP practice are you registered with?' : 'Which GP practice are they registered with?';
  const pick = (code: string) => choose({ gp_practice_code: code, pcn_code: data.practices.find((p) => p.code === code)?.pcnCode ?? '' });

  if (lookup === 'looking' && !known)
    return (
      <>
        <h1 className="govuk-heading-l">{question}</h1>
        <p className="govuk-body" role="status">
          Finding GP practices near {answers.postcode.toUpperCase()}…
        </p>
      </>
    );

  if (!listAll)
    return (
      <>
        <Choices
          kind="radios"
          id="gp_practice_code"
          legend={question}
          isPageHeading
          hint={`Practices in ${areaNames.join(' and ')}.`}
          error={errors.gp_practice_code}
          choices={near.map((p) => ({ value: p.code, label: p.name, ...(practiceHint(p) ? { hint: practiceHint(p)! } : {}) }))}
          value={answers.gp_practice_code}
          onValue={pick}
        />
        <p className="govuk-body">
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setShowAll(true)}>
            The practice is not in this list
          </button>
        </p>
      </>
    );

  const byArea = data.areas
    .map((area) => ({ area, practices: data.practices.filter((p) => p.pcnCode === area.code) }))
    .filter((g) => g.practices.length > 0);
  const outside = lookup && lookup !== 'looking' && lookup.kind === 'outside' ? lookup.postcode : null;
  const errorId = errors.gp_practice_code ? 'gp_practice_code-error' : undefined;
  return (
    <div className={`govuk-form-group${errors.gp_practice_code ? ' govuk-form-group--error' : ''}`}>
      <h1 className="govuk-label-wrapper">
        <label className="govuk-label govuk-label--l" htmlFor="gp_practice_code">
          {question}
        </label>
      </h1>
      <div id="gp_practice_code-hint" className="govuk-hint">
        {outside
          ? `${outside} is not in an area Signpost covers yet. If the practice is in this list, choose it. If not, ask the GP practice about social prescribing.`
          : 'Choose the practice from the list. Practices are grouped by area.'}
      </div>
      <ErrorMessage id="gp_practice_code-error" text={errors.gp_practice_code} />
      <select
        id="gp_practice_code"
        name="gp_practice_code"
        className={`govuk-select${errors.gp_practice_code ? ' govuk-select--error' : ''}`}
        value={answers.gp_practice_code}
        onChange={(e) => pick(e.target.value)}
        aria-describedby={describedBy('gp_practice_code-hint', errorId)}
      >
        <option value="">Choose a practice</option>
        {byArea.map(({ area, practices }) => (
          <optgroup key={area.code} label={area.name}>
            {practices.map((p) => (
              <option key={p.code} value={p.code}>
                {p.town ? `${p.name}, ${p.town}` : p.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
