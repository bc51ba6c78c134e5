import type { JourneyData } from '../../lib/referral-pages/journey-data.ts';
import { AboutPerson } from './AboutYou.tsx';
import { AccessStep } from './AccessStep.tsx';
import { CheckSelfAnswers } from './CheckSelfAnswers.tsx';
import { ConsentStep } from './ConsentStep.tsx';
import { ContactStep } from './ContactStep.tsx';
import { HelpStep } from './HelpStep.tsx';
import { Journey, type JourneyDefinition } from './Journey.tsx';
import { PracticeStep } from './PracticeStep.tsx';
import { emptySelfAnswers, type SelfAnswers } from './self-answers.ts';

/** The area a person came from (`/refer/?pcn=CODE` on an area page), when it is one Signpost covers; none on the server. */
const pcnFromAddress = (areas: JourneyData['areas']) => {
  if (typeof location === 'undefined') return '';
  const pcn = new URLSearchParams(location.search).get('pcn')?.toUpperCase() ?? '';
  return areas.some((a) => a.code === pcn) ? pcn : '';
};

export default function SelfReferral({ data, pageSlug }: { data: JourneyData; pageSlug: string }) {
  const definition: JourneyDefinition<SelfAnswers> = {
    kind: 'self',
    initial: () => emptySelfAnswers(pcnFromAddress(data.areas)),
    rules: () =>
      import('./self-validate.ts').then(({ validateSelfStep, selfSubmission }) => ({
        validate: (slug, answers) => validateSelfStep(slug, answers, data),
        submission: selfSubmission,
      })),
    sendLabel: 'Send referral',
    renderStep: (slug, props) => {
      switch (slug) {
        case 'about-you':
          return (
            <>
              <h1 className="govuk-heading-l">About you</h1>
              <AboutPerson {...props} whose="your" />
            </>
          );
        case 'your-gp-practice':
          return <PracticeStep {...props} data={data} whose="your" />;
        case 'what-would-help':
          return <HelpStep {...props} needs={data.needs} maxLength={data.limits.what_matters} />;
        case 'how-to-contact-you':
          return <ContactStep {...props} whose="your" />;
        case 'support-you-need':
          return <AccessStep {...props} />;
        case 'consent':
          return <ConsentStep {...props} />;
        default:
          return null;
      }
    },
    renderCheck: (answers, change) => <CheckSelfAnswers answers={answers} data={data} change={change} />,
  };
  return <Journey definition={definition} data={data} pageSlug={pageSlug} />;
}
