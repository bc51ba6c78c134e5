// POST /admin/generate_link: GoTrue's adminGenerateLink. Makes the same token a mail would carry
// (without sending a mail) and answers with the user plus action_link, email_otp, hashed_token,
// redirect_to and verification_type, so an app can send its own mail or test a flow end to end.
import { randomBytes } from 'node:crypto';
import type { Handler } from '../context.ts';
import { audit } from '../audit.ts';
import { inTransaction } from '../db.ts';
import { validateEmail } from '../email.ts';
import { badRequest, notFound, unprocessable } from '../errors.ts';
import { obj, ok, str } from '../http.ts';
import { newCode, storeToken, tokenHash, verifyLink } from '../otp.ts';
import { checkPasswordStrength, hashPassword } from '../passwords.ts';
import { requireAdmin } from '../guard.ts';
import { safeRedirect } from '../redirects.ts';
import { findUserByEmail, findUserById, insertUser, userJson, type UserRow } from '../users.ts';

const linkTypes = ['signup', 'invite', 'magiclink', 'recovery', 'email_change_current', 'email_change_new'] as const;

const emailExists = () => unprocessable('email_exists', 'A user with this email address has already been registered');

export const generateLink: Handler = async (ctx, req) => {
  await requireAdmin(ctx, req);
  const { config } = ctx;
  const email = validateEmail(str(req.body, 'email'));
  const requested = str(req.body, 'type') ?? '';
  let type = linkTypes.find((t) => t === requested);
  const redirectTo = safeRedirect(config, str(req.body, 'redirect_to') ?? req.query.get('redirect_to'));
  const data = obj(req.body, 'data') ?? {};
  let password = str(req.body, 'password');

  const result = await inTransaction(ctx.db, async (tx) => {
    let user = await findUserByEmail(tx, email);
    if (!user && type === 'magiclink') {
      // A magic link for an unknown address signs the person up, with a random password.
      type = 'signup';
      password = randomBytes(48).toString('base64url');
    }
    if (!user && (type === 'recovery' || type === 'email_change_current' || type === 'email_change_new')) {
      throw notFound('user_not_found', 'User with this email not found');
    }
    if (!type) throw badRequest('validation_failed', `Invalid email action link type requested: ${requested}`);

    const code = newCode(config.otpLength);
    const hashed = tokenHash(email, code);
    let linkToken = hashed;
    const created = async (withPassword: boolean): Promise<UserRow> => {
      if (withPassword) {
        if (!password) throw unprocessable('validation_failed', 'Signup requires a valid password');
        checkPasswordStrength(config, password);
      }
      const fresh = await insertUser(tx, {
        email,
        encryptedPassword: withPassword && password ? await hashPassword(password) : null,
        provider: 'email',
        userMetadata: data,
        confirmed: false,
      });
      await audit(tx, 'user_signedup', fresh, req.ip, { provider: 'email', via: 'admin' });
      return fresh;
    };

    switch (type) {
      case 'magiclink':
      case 'recovery':
        await audit(tx, 'user_recovery_requested', user!, req.ip);
        await storeToken(tx, user!.id, 'recovery_token', email, hashed);
        break;
      case 'invite':
        if (user?.email_confirmed_at) throw emailExists();
        user ??= await created(false);
        await audit(tx, 'user_invited', user, req.ip);
        await storeToken(tx, user.id, 'confirmation_token', email, hashed);
        await tx.query('update auth.users set invited_at = now() where id = $1', [user.id]);
        break;
      case 'signup':
        if (user?.email_confirmed_at) throw emailExists();
        if (user) {
          await tx.query("update auth.users set raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || $2 where id = $1", [
            user.id,
            data,
          ]);
        } else {
          user = await created(true);
        }
        await storeToken(tx, user.id, 'confirmation_token', email, hashed);
        break;
      case 'email_change_current':
      case 'email_change_new': {
        if (type === 'email_change_current' && !config.secureEmailChange) {
          throw badRequest('validation_failed', 'Enable secure email change to generate link for current email');
        }
        const newEmail = validateEmail(str(req.body, 'new_email'));
        const taken = await findUserByEmail(tx, newEmail);
        if (taken && taken.id !== user!.id) throw emailExists();
        await tx.query(
          `update auth.users set email_change = $2, email_change_confirm_status = 0, email_change_sent_at = now() where id = $1`,
          [user!.id, newEmail],
        );
        if (type === 'email_change_current') {
          await storeToken(tx, user!.id, 'email_change_token_current', email, hashed);
        } else {
          // The new address's link carries the hash of the new address and the same code.
          linkToken = tokenHash(newEmail, code);
          await storeToken(tx, user!.id, 'email_change_token_new', newEmail, linkToken);
        }
        break;
      }
    }
    const linkType = type.startsWith('email_change') ? 'email_change' : type;
    const fresh = (await findUserById(tx, user!.id))!;
    return {
      ...(await userJson(tx, fresh)),
      action_link: verifyLink(config, linkToken, linkType, redirectTo),
      email_otp: code,
      hashed_token: hashed,
      verification_type: type,
      redirect_to: redirectTo,
    };
  });
  return ok(result);
};
