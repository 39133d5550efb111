import { createCipheriv, createDecipheriv } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, deriveKey } from '@rightsdesk/config';
import { secureRandomBytes } from './secure-random';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

// AES-256-GCM for personal data at rest: version byte ‖ IV ‖ tag ‖ ciphertext. The version byte
// leaves room for key rotation without guessing what an old row holds.
@Injectable()
export class FieldCipher {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = deriveKey(config.secretKey, 'field-encryption');
  }

  encryptJson(value: unknown): Buffer {
    return this.encryptBytes(Buffer.from(JSON.stringify(value), 'utf8'));
  }

  decryptJson<T>(sealed: Buffer): T {
    return JSON.parse(this.decryptBytes(sealed).toString('utf8')) as T;
  }

  /** For binary content (a requester's uploaded file); same format as the JSON fields. */
  encryptBytes(plain: Buffer): Buffer {
    const iv = secureRandomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  decryptBytes(sealed: Buffer): Buffer {
    if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
      throw new Error('sealed value has an unknown format');
    }
    const iv = sealed.subarray(1, 1 + IV_BYTES);
    const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  }
}
