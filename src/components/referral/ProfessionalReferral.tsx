import type { JourneyData } from '../../lib/referral-pages/journey-data.ts';
import { AboutPerson } from './AboutYou.tsx';
import { CheckProfessional } from './CheckProfessional.tsx';
import { Journey, type JourneyDefinition } from './Journey.tsx';
import { PracticeStep } from './PracticeStep.tsx';
import { emptyProfessionalAnswers, type ProfessionalAnswers } from './professional-answers.ts';
import { ProfessionalConsentStep, ReasonStep, ReferrerStep } from './ProfessionalSteps.tsx';
import { ContactStep } from './ContactStep.tsx';

export default function ProfessionalReferral({ data, pageSlug }: { data: JourneyData; pageSlug: string }) {
  const definition: JourneyDefinition<ProfessionalAnswers> = {
    kind: 'professional',
    initial: emptyProfessionalAnswers,
    rules: () =>
      import('./professional-validate.ts').then(({ validateProfessionalStep, professionalSubmission }) => ({
        validate: (slug, answers) => validateProfessionalStep(slug, answers),
        submission: professionalSubmission,
      })),
    sendLabel: 'Send referral',
    renderStep: (slug, props) => {
      switch (slug) {
        case 'your-details':
          return <ReferrerStep {...props} />;
        case 'consent':
          return <ProfessionalConsentStep {...props} />;
        case 'about-the-person':
          return (
            <>
              <h1 className="govuk-heading-l">About the person</h1>
              <AboutPerson {...props} whose="their" />
            </>
          );
        case 'how-to-contact-them':
          return <ContactStep {...props} whose="their" />;
        case 'their-gp-practice':
          return <PracticeStep {...props} data={data} whose="their" />;
        case 'reason':
          return <ReasonStep {...props} maxLength={data.limits.reason} />;
        default:
          return null;
      }
    },
    renderCheck: (answers, change) => <CheckProfessional answers={answers} data={data} change={change} />,
  };
  return <Journey definition={definition} data={data} pageSlug={pageSlug} />;
}
