import { useCallback, useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { ErrorSummary } from '../govuk/ErrorSummary.tsx';
import { WaitingControls } from '../govuk/WaitingControls.tsx';
import type { JourneyData } from '../../lib/referral-pages/journey-data.ts';
import type { SubmissionInput } from '../../lib/referrals/schema.ts';
import { BackLink } from './BackLink.tsx';
import { fieldErrorsFrom, summaryOf, type Issue } from './field-errors.ts';
import { Honeypot } from './Honeypot.tsx';
import { ReferralSent } from './ReferralSent.tsx';
import { networkMessage } from '../../lib/referrals/errors.ts';
import { sendReferral, type SendOutcome, type SubmissionMeta } from './send.ts';
import { SendProblem } from './SendProblem.tsx';
import {
  checkSlug,
  doneSlug,
  journeys,
  nextStep,
  previousPath,
  stepFromPath,
  stepOfField,
  stepsBefore,
  type JourneyKind,
} from './steps.ts';
import type { StepProps } from './StepProps.ts';
import { useJourneyHistory } from './use-journey-history.ts';
import { useLeaveWarning } from './use-leave-warning.ts';

/** The checks, from the shared referral schema: loaded just after the page (zod is too heavy for every page's first load). */
const checkFailedMessage =
  'We could not check your answers because the connection failed. Check your connection and choose Continue again: your answers are still here.';

export interface JourneyRules<T> {
  /** The problems with one step's answers. */
  validate: (slug: string, answers: T) => Issue[];
  submission: (answers: T, meta: SubmissionMeta) => SubmissionInput;
}

export interface JourneyDefinition<T> {
  kind: JourneyKind;
  initial: () => T;
  rules: () => Promise<JourneyRules<T>>;
  renderStep: (slug: string, props: StepProps<T>) => ReactNode;
  renderCheck: (answers: T, change: (slug: string) => void) => ReactNode;
  sendLabel: string;
}

/**
 * A referral journey: one island across every question page. Answers live in memory only (never
 * in browser storage); each step has its own address through the History API; the referral is
 * sent with a key made when the journey starts, so a retry or a double click cannot make two.
 */
export function Journey<T>({ definition, data, pageSlug }: { definition: JourneyDefinition<T>; data: JourneyData; pageSlug: string }) {
  const { kind } = definition;
  const [initial] = useState(definition.initial);
  const [answers, setAnswers] = useState<T>(initial);
  const [shown, setShown] = useState<{ slug: string; issues: Issue[] }>({ slug: '', issues: [] });
  // The person started when the journey's page began to load (its time origin), not when its script
  // woke: on a slow phone they may be typing for seconds before that, and the minimum fill time
  // would turn a real person away.
  const [meta] = useState(() => ({
    idempotency_key: crypto.randomUUID(),
    form_started_at: new Date(performance.timeOrigin).toISOString(),
  }));
  const [website, setWebsite] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [reference, setReference] = useState<string | null>(null);
  const inFlight = useRef<Promise<SendOutcome> | null>(null);
  const { step, fromCheck, go } = useJourneyHistory(kind, pageSlug);
  // Rendered on the server, the form shows at once but cannot be used until its script wakes:
  // anything typed before then would be lost, so its controls are disabled until then.
  const [awake, setAwake] = useState(false);
  useEffect(() => setAwake(true), []);
  const rulesRef = useRef<Promise<JourneyRules<T>> | null>(null);
  const rules = useCallback(() => {
    rulesRef.current ??= definition.rules();
    // Loading failed (connection down): the next Continue tries again.
    rulesRef.current.catch(() => (rulesRef.current = null));
    return rulesRef.current;
  }, [definition]);

  const insideJourney = useCallback((url: URL) => stepFromPath(kind, url.pathname) !== null, [kind]);
  useLeaveWarning(JSON.stringify(answers) !== JSON.stringify(initial) && reference === null, insideJourney);

  const set = useCallback((change: Partial<T>) => setAnswers((a) => ({ ...a, ...change })), []);

  // Fetch the checks as soon as the page is up, so Continue never waits for them.
  useEffect(() => void rules().catch(() => undefined), [rules]);

  // Nobody lands on a later question with earlier ones unanswered (a reload empties the answers).
  const earlier = useRef({ answers, go, rules });
  earlier.current = { answers, go, rules };
  useEffect(() => {
    if (step.slug === doneSlug) return;
    const { answers: now, go: move, rules: load } = earlier.current;
    void load()
      .then(({ validate }) => {
        const missing = stepsBefore(kind, step.slug).find((s) => s.slug !== checkSlug && validate(s.slug, now).length > 0);
        if (missing) move(missing.slug, { replace: true });
      })
      .catch(() => undefined);
  }, [kind, step.slug]);

  const send = async () => {
    // A second click while the first request is out waits for that same request.
    if (inFlight.current) return;
    setSending(true);
    setProblem(null);
    inFlight.current = rules().then(
      ({ submission }) => sendReferral(data.supabase, submission(answers, { ...meta, website })),
      () => ({ kind: 'problem', message: networkMessage }) as const,
    );
    const outcome = await inFlight.current;
    inFlight.current = null;
    setSending(false);
    if (outcome.kind === 'sent') {
      setReference(outcome.reference);
      go(doneSlug, { replace: true });
    } else if (outcome.kind === 'field' && stepOfField(kind, outcome.field)) {
      const owner = stepOfField(kind, outcome.field)!.slug;
      setShown({ slug: owner, issues: [{ path: [outcome.field], message: outcome.message }] });
      go(owner, { fromCheck: true });
    } else setProblem(outcome.message);
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (step.slug === checkSlug) return void send();
    const slug = step.slug;
    rules().then(
      ({ validate }) => {
        const found = validate(slug, answers);
        setShown({ slug, issues: found });
        if (found.length === 0) go(nextStep(kind, slug, fromCheck).slug);
      },
      () => setProblem(checkFailedMessage),
    );
  };

  const goTo = (slug: string, options?: { fromCheck?: boolean }) => {
    setProblem(null);
    go(slug, options);
  };

  // Errors belong to the step they were found on: Back and Forward never carry them elsewhere.
  const issues = shown.slug === step.slug ? shown.issues : [];
  const hasErrors = issues.length > 0 || problem !== null;
  // GOV.UK: a page showing errors says so first in its title.
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${step.title} – Signpost`;
  }, [hasErrors, step.title]);

  if (step.slug === doneSlug) return <ReferralSent reference={reference} startPath={journeys[kind].base} who={kind} />;

  const errors = fieldErrorsFrom(issues);
  return (
    <div className="journey">
      <BackLink kind={kind} href={previousPath(kind, step.slug, fromCheck)} go={(slug) => goTo(slug)} />
      {problem && (
        <SendProblem title={step.slug === checkSlug ? 'Your referral has not been sent yet' : 'There is a problem'} message={problem} />
      )}
      <ErrorSummary errors={summaryOf(errors, step.fields)} />
      <form noValidate onSubmit={onSubmit}>
        <WaitingControls waiting={!awake}>
          {step.slug === checkSlug ? (
            <>
              {definition.renderCheck(answers, (slug) => goTo(slug, { fromCheck: true }))}
              <Honeypot value={website} onValue={setWebsite} />
            </>
          ) : (
            definition.renderStep(step.slug, { answers, set, errors, issues })
          )}
          <button type="submit" className="govuk-button" aria-disabled={sending || undefined}>
            {step.slug !== checkSlug ? 'Continue' : sending ? 'Sending…' : problem ? 'Try sending again' : definition.sendLabel}
          </button>
        </WaitingControls>
      </form>
    </div>
  );
}
