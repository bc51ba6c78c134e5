import { apiKeysFor, type ApiKeys } from '../../scripts/stack/api-keys.ts';
import { testStack } from './stack.ts';

/**
 * The API keys for a gateway a test starts itself: only the legacy JWT keys, which pass upstream
 * as they are, so the test needs no signing key. The new-style keys are refused there.
 */
export function legacyApiKeys(): ApiKeys {
  return apiKeysFor({
    publishableKey: 'sb_publishable_not_in_this_gateway',
    secretKey: 'sb_secret_not_in_this_gateway',
    legacyAnonKey: testStack.anonKey,
    legacyServiceRoleKey: testStack.serviceRoleKey,
    roleToken: () => Promise.reject(new Error('this gateway signs no role tokens')),
  });
}
