import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { MessageThread } from '../../lib/messages/index.ts';
import type { ReferralMessage } from '../../lib/referrals/schema.ts';
import { CharacterCount } from '../govuk/CharacterCount.tsx';
import { ErrorSummary } from '../govuk/ErrorSummary.tsx';
import type { Api } from './data.ts';
import { when } from './status-words.ts';

interface Props {
  thread: MessageThread;
  api: Api;
  maxLength: number;
  /** A link worker's message often comes with a change of status: the page reads it again. */
  onStaffMessage: () => void;
}

const byId = (a: ReferralMessage, b: ReferralMessage) => a.id - b.id;

/**
 * The thread with the link worker. New messages arrive without a reload through the messages
 * interface (polling PostgREST now; Supabase Realtime can stand behind it); they are announced to
 * screen readers, counted as new, and marked read once shown. Message text is always text, never HTML.
 */
export function Messages({ thread, api, maxLength, onStaffMessage }: Props) {
  const onStaff = useRef(onStaffMessage);
  onStaff.current = onStaffMessage;
  const [messages, setMessages] = useState<ReferralMessage[] | null>(null);
  const [unread, setUnread] = useState(0);
  const [announce, setAnnounce] = useState('');
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [reply, setReply] = useState('');
  const [replyError, setReplyError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);

  useEffect(() => {
    let live = true;
    const merge = (fresh: ReferralMessage[]) =>
      setMessages((old) => {
        const seen = new Set((old ?? []).map((m) => m.id));
        return [...(old ?? []), ...fresh.filter((m) => !seen.has(m.id))].sort(byId);
      });
    const markShown = (shown: ReferralMessage[]) => {
      const last = shown.at(-1);
      if (last) void thread.markRead(last.id).catch(() => undefined);
    };
    let stop = () => {};
    void (async () => {
      try {
        const [count, all] = await Promise.all([thread.unreadCount(), thread.list()]);
        if (!live) return;
        setUnread(count);
        setMessages(all);
        markShown(all);
      } catch (error) {
        if (live) setLoadProblem((error as Error).message);
        return;
      }
      if (!live) return;
      // Only after the first list: the thread then reports just what arrives later.
      stop = thread.subscribe(
        (fresh) => {
          if (!live) return;
          merge(fresh);
          const theirs = fresh.filter((m) => m.author_kind === 'staff');
          if (theirs.length) {
            setUnread((n) => n + theirs.length);
            setAnnounce(theirs.length === 1 ? 'New message from your link worker' : `${theirs.length} new messages from your link worker`);
            onStaff.current();
          }
          markShown(fresh);
        },
        () => undefined,
      );
    })();
    return () => {
      live = false;
      stop();
    };
  }, [thread]);

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sendingRef.current) return;
    const checked = api.messageBodySchema.safeParse(reply);
    if (!checked.success) return setReplyError(checked.error.issues[0]!.message);
    setReplyError(null);
    sendingRef.current = true;
    setSending(true);
    try {
      const sent = await thread.send(checked.data);
      setMessages((old) => [...(old ?? []).filter((m) => m.id !== sent.id), sent].sort(byId));
      setReply('');
      setAnnounce('Your message has been sent');
    } catch (error) {
      setReplyError((error as Error).message);
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  return (
    <section aria-labelledby="messages-heading" id="messages">
      <h2 className="govuk-heading-m" id="messages-heading">
        Messages{' '}
        {unread > 0 && (
          <strong className="govuk-tag govuk-tag--red unread-count">
            {unread} new<span className="govuk-visually-hidden"> {unread === 1 ? 'message' : 'messages'}</span>
          </strong>
        )}
      </h2>
      <div className="govuk-visually-hidden" role="status">
        {announce}
      </div>
      {loadProblem && <p className="govuk-error-message">We could not load your messages: {loadProblem}</p>}
      {messages === null && !loadProblem && <p className="govuk-body">Loading messages…</p>}
      {messages?.length === 0 && (
        <p className="govuk-body">No messages yet. Your link worker will write here, and you can write to them.</p>
      )}
      {messages && messages.length > 0 && (
        <ol className="message-thread" aria-label="Messages, oldest first">
          {messages.map((m) => (
            <li key={m.id} className={m.author_kind === 'person' ? 'message message--mine' : 'message'}>
              <p className="message__meta">
                <strong>{m.author_kind === 'person' ? 'You' : (m.author_name ?? 'Your link worker')}</strong>,{' '}
                <time dateTime={m.created_at}>{when(m.created_at)}</time>
              </p>
              <p className="message__body">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <ErrorSummary errors={replyError ? [{ href: '#reply', text: replyError }] : []} />
        <CharacterCount
          id="reply"
          label="Write a message to your link worker"
          maxLength={maxLength}
          rows={4}
          error={replyError ?? undefined}
          value={reply}
          onValue={setReply}
        />
        <button type="submit" className="govuk-button" aria-disabled={sending || undefined}>
          {sending ? 'Sending…' : 'Send message'}
        </button>
      </form>
    </section>
  );
}
