import { resolve } from 'node:path';

/** Where one instance of the local stack listens and keeps its state. */
export interface StackProfile {
  name: 'local' | 'test' | 'bench';
  stateDir: string;
  ports: {
    gateway: number;
    postgres: number;
    postgrest: number;
    auth: number;
    functions: number;
    meilisearch: number;
    /** The local SMTP listener: mail sent to it lands in the local mailbox (scripts/stack/smtp.ts). */
    smtp: number;
    site: number;
  };
}

const root = resolve(import.meta.dirname, '..', '..');

// Lets a second checkout run its stacks beside this one (e.g. SIGNPOST_PORT_OFFSET=1000).
const offset = Number(process.env.SIGNPOST_PORT_OFFSET ?? 0);
const shift = (ports: StackProfile['ports']): StackProfile['ports'] =>
  Object.fromEntries(Object.entries(ports).map(([part, port]) => [part, port + offset])) as StackProfile['ports'];

export const profiles: Record<StackProfile['name'], StackProfile> = {
  local: {
    name: 'local',
    stateDir: resolve(root, '.stack'),
    ports: shift({
      gateway: 54321,
      postgres: 54322,
      postgrest: 54323,
      auth: 54324,
      functions: 54325,
      meilisearch: 7700,
      smtp: 54329,
      site: 4321,
    }),
  },
  bench: {
    name: 'bench',
    stateDir: resolve(root, '.stack-bench'),
    ports: shift({
      gateway: 56321,
      postgres: 56322,
      postgrest: 56323,
      auth: 56324,
      functions: 56325,
      meilisearch: 7702,
      smtp: 56329,
      site: 4339,
    }),
  },
  test: {
    name: 'test',
    stateDir: resolve(root, '.stack-test'),
    ports: shift({
      gateway: 55321,
      postgres: 55322,
      postgrest: 55323,
      auth: 55324,
      functions: 55325,
      meilisearch: 7701,
      smtp: 55329,
      site: 4329,
    }),
  },
};

export const host = '127.0.0.1';

export function profileFromArgs(argv: string[]): StackProfile {
  const flag = argv.find((a) => a.startsWith('--profile='))?.split('=')[1];
  const name = flag ?? process.env.SIGNPOST_STACK_PROFILE ?? 'local';
  if (name !== 'local' && name !== 'test' && name !== 'bench') {
    throw new Error(`Unknown stack profile "${name}": use local, test or bench.`);
  }
  return profiles[name];
}
