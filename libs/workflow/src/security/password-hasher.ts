import { Algorithm, hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ≈ 25 ms here, slow enough to make offline
// guessing expensive, fast enough that a sign-in never waits.
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
// argon2 hashes any length, but a megabyte "password" would still cost us the read and the hash.
export const PASSWORD_MAX_LENGTH = 200;

@Injectable()
export class PasswordHasher {
  // Verified against when the email is unknown, so a sign-in takes as long either way.
  private dummy: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(stored: string, password: string): Promise<boolean> {
    try {
      return await verify(stored, password);
    } catch {
      // A malformed stored hash is a failed sign-in, not a 500.
      return false;
    }
  }

  /** Spends the time of a real verification and fails. */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= hash('rightsdesk-no-such-officer', OPTIONS);
    await this.verify(await this.dummy, password);
    return false;
  }
}
