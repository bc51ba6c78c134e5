import { useEffect, useState, type SubmitEvent } from 'react';
import type { MessageThread } from '../../../lib/messages/index.ts';
import { messageBodySchema, type ReferralMessage } from '../../../lib/referrals/schema.ts';
import { shortDateTime } from '../../../lib/workspace/words.ts';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { Textarea } from '../../govuk/Textarea.tsx';
import { useSave } from './use-save.ts';

interface Props {
  thread: MessageThread;
  withdrawn: boolean;
  ensureSession: () => Promise<boolean>;
  /** Messages as they stand, for the timeline. */
  onMessages: (messages: ReferralMessage[]) => void;
}

const byId = (a: ReferralMessage, b: ReferralMessage) => a.id - b.id;

/** The thread with the person: new messages arrive while the record is open, and are marked read once shown. */
export function StaffMessages({ thread, withdrawn, ensureSession, onMessages }: Props) {
  const [messages, setMessages] = useState<ReferralMessage[]>();
  const [unread, setUnread] = useState(0);
  const [problem, setProblem] = useState<string>();
  const [body, setBody] = useState('');
  const [announce, setAnnounce] = useState('');
  const { errors, setErrors, busy, save, errorFor } = useSave(ensureSession, { body: 'staff-message' }, 'staff-message');

  useEffect(() => {
    let live = true;
    let stop = () => {};
    const shown = (list: ReferralMessage[]) => {
      const last = list.at(-1);
      if (last) void thread.markRead(last.id).catch(() => undefined);
    };
    void (async () => {
      try {
        const [count, all] = await Promise.all([thread.unreadCount(), thread.list()]);
        if (!live) return;
        setUnread(count);
        setMessages(all);
        shown(all);
      } catch (error) {
        if (live) setProblem((error as Error).message);
        return;
      }
      stop = thread.subscribe((fresh) => {
        if (!live) return;
        setMessages((old) => {
          const seen = new Set((old ?? []).map((m) => m.id));
          return [...(old ?? []), ...fresh.filter((m) => !seen.has(m.id))].sort(byId);
        });
        const theirs = fresh.filter((m) => m.author_kind === 'person').length;
        if (theirs) {
          setUnread((n) => n + theirs);
          setAnnounce(theirs === 1 ? 'New message from the person' : `${theirs} new messages from the person`);
        }
        shown(fresh);
      });
    })();
    return () => {
      live = false;
      stop();
    };
  }, [thread]);

  useEffect(() => {
    if (messages) onMessages(messages);
  }, [messages, onMessages]);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const parsed = messageBodySchema.safeParse(body);
    if (!parsed.success) return setErrors([{ href: '#staff-message', text: parsed.error.issues[0]!.message }]);
    let sent: ReferralMessage | undefined;
    if (
      await save(async () => {
        sent = await thread.send(parsed.data);
      })
    ) {
      const message = sent!;
      setMessages((old) => [...(old ?? []).filter((m) => m.id !== message.id), message].sort(byId));
      setBody('');
      setAnnounce('Your message has been sent');
    }
  }

  return (
    <>
      <h2 className="govuk-heading-m" id="messages-heading">
        Messages with the person{' '}
        {unread > 0 && (
          <strong className="govuk-tag govuk-tag--red">
            {unread} new<span className="govuk-visually-hidden"> {unread === 1 ? 'message' : 'messages'}</span>
          </strong>
        )}
      </h2>
      <div className="govuk-visually-hidden" role="status">
        {announce}
      </div>
      {problem && <p className="govuk-error-message">The messages did not load: {problem}</p>}
      {!messages && !problem && <p className="govuk-body">Loading messages…</p>}
      {messages?.length === 0 && <p className="govuk-body">No messages yet.</p>}
      {messages && messages.length > 0 && (
        <ol className="message-thread" aria-label="Messages, oldest first">
          {messages.map((m) => (
            <li key={m.id} className={m.author_kind === 'person' ? 'message message--person' : 'message'}>
              <p className="govuk-body-s">
                <strong>{m.author_kind === 'person' ? 'The person' : (m.author_name ?? 'Staff')}</strong>,{' '}
                <time dateTime={m.created_at}>{shortDateTime(m.created_at)}</time>
              </p>
              <p className="govuk-body message__body">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {withdrawn ? (
        <p className="govuk-body">The person withdrew this referral, so no more messages can be sent.</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <ErrorSummary errors={errors} />
          <Textarea
            id="staff-message"
            label="Write to the person"
            hint="They read it on their referral page; if they chose email, an email tells them a message is waiting (without its words)."
            error={errorFor('staff-message')}
            value={body}
            onValue={setBody}
          />
          <button type="submit" className="govuk-button" disabled={busy}>
            Send message
          </button>
        </form>
      )}
    </>
  );
}
