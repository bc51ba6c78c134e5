/** Messages between a person and their link worker: the interface and its PostgREST implementation. */
export type { MessageThread } from './thread.ts';
export { pollingThread, type PollingOptions } from './polling.ts';
