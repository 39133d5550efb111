import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, deriveKey } from '@rightsdesk/config';
import { normalizeEmail } from '@rightsdesk/domain';
import { secureRandomBytes } from './secure-random';

/** 256 random bits, URL-safe: link tokens and status tokens. */
export function newToken(): string {
  return secureRandomBytes(32).toString('base64url');
}

export function sameHash(a: Buffer | null | undefined, b: Buffer): boolean {
  return !!a && a.length === b.length && timingSafeEqual(a, b);
}

// Keyed hashes (HMAC-SHA256): a stolen database alone can neither confirm a guessed email
// address nor replay a token, because the key lives only in the processes' configuration.
@Injectable()
export class KeyedHash {
  private readonly emailKey: Buffer;
  private readonly tokenKey: Buffer;
  private readonly dedupKey: Buffer;
  private readonly rateLimitKey: Buffer;
  private readonly childFindingKey: Buffer;
  private readonly drpTokenKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.emailKey = deriveKey(config.secretKey, 'email-lookup');
    this.tokenKey = deriveKey(config.secretKey, 'token-hash');
    this.dedupKey = deriveKey(config.secretKey, 'dedup-key');
    this.rateLimitKey = deriveKey(config.secretKey, 'rate-limit-label');
    this.childFindingKey = deriveKey(config.secretKey, 'child-finding');
    this.drpTokenKey = deriveKey(config.secretKey, 'drp-token');
  }

  email(email: string): Buffer {
    return createHmac('sha256', this.emailKey).update(normalizeEmail(email)).digest();
  }

  token(token: string): Buffer {
    return createHmac('sha256', this.tokenKey).update(token).digest();
  }

  dedup(canonical: string): Buffer {
    return createHmac('sha256', this.dedupKey).update(canonical).digest();
  }

  /** An authorized agent's DRP bearer token: its own key, so no other token hash can stand in for it. */
  drpToken(token: string): Buffer {
    return createHmac('sha256', this.drpTokenKey).update(token).digest();
  }

  /** An account a children rule found, remembered without its key: `rule id` + primary key. */
  childFinding(ruleId: string, accountKey: string): Buffer {
    return createHmac('sha256', this.childFindingKey).update(`${ruleId}\n${accountKey}`).digest();
  }

  /** Short, non-reversible label for rate-limit keys (no raw IPs or emails in Redis). */
  rateLimitLabel(value: string): string {
    return createHmac('sha256', this.rateLimitKey).update(value).digest('base64url').slice(0, 22);
  }
}
