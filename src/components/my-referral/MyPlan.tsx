import type { SupabaseClient } from '@supabase/supabase-js';
import { useEffect, useState } from 'react';
import type { PlanWithServices } from '../../lib/casework/plan.ts';
import { planServiceStatusText } from '../../lib/casework/plan-status.ts';
import type { Api } from './data.ts';
import './my-plan.css';
import { lazyDateFormat } from '../../lib/date-format.ts';

const longDate = lazyDateFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

interface Props {
  api: Api;
  supabase: SupabaseClient;
  referralId: string;
  reference: string;
  /** Bumped when something new arrives (a message), to look for plan changes too. */
  reloads: number;
}

/**
 * The person's plan, as agreed with their link worker: what matters, goals and the services they
 * chose, each with where they are with it and when it will be looked at again. It prints on its
 * own on one page (my-plan.css), to keep on the fridge or take to a first session.
 */
export function MyPlan({ api, supabase, referralId, reference, reloads }: Props) {
  const [loaded, setLoaded] = useState<PlanWithServices | null>(null);
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    let live = true;
    api.loadPlan(supabase, referralId).then(
      (data) => live && setLoaded(data),
      (error: Error) => live && setProblem(error.message),
    );
    return () => {
      live = false;
    };
  }, [api, supabase, referralId, reloads]);

  if (problem)
    return (
      <p className="govuk-body" role="alert">
        Your plan could not be loaded: {problem}
      </p>
    );
  if (!loaded || (!loaded.plan && loaded.services.length === 0)) return null;
  const { plan, services } = loaded;
  return (
    <section className="my-plan" aria-labelledby="my-plan-heading">
      <h2 className="govuk-heading-m" id="my-plan-heading">
        Your plan
      </h2>
      <p className="govuk-body my-plan-print-only">
        Referral {reference}. Printed {longDate().format(new Date())}.
      </p>
      {plan?.what_matters && (
        <>
          <h3 className="govuk-heading-s">What matters to you</h3>
          <p className="govuk-body my-plan-text">{plan.what_matters}</p>
        </>
      )}
      {plan && plan.goals.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Your goals</h3>
          <ul className="govuk-list govuk-list--bullet">
            {plan.goals.map((goal, i) => (
              <li key={i}>{goal}</li>
            ))}
          </ul>
        </>
      )}
      {services.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Services in your plan</h3>
          <dl className="govuk-summary-list">
            {services.map((service) => (
              <div className="govuk-summary-list__row" key={service.id}>
                <dt className="govuk-summary-list__key">
                  <a className="govuk-link" href={`/services/${service.service_id}/`}>
                    {service.service_name}
                  </a>
                </dt>
                <dd className="govuk-summary-list__value">
                  {planServiceStatusText[service.status]}
                  {service.review_on && <>, to look at again by {longDate().format(new Date(service.review_on))}</>}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <button type="button" className="govuk-button govuk-button--secondary my-plan-print" onClick={() => window.print()}>
        Print your plan
      </button>
    </section>
  );
}
