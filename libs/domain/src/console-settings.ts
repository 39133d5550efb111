import { z } from 'zod';
import { REQUEST_TYPES, type RequestType } from './request-type';

/**
 * Workflow settings an admin changes at run time; stored in the database so every api and worker
 * process applies the same ones.
 */
export interface ConsoleSettings {
  /** Types approved as soon as the requester has verified (e.g. opt-outs: US law forbids demanding verification for them). */
  autoApprove: RequestType[];
  /** Types that need two different officers: one proposes, another approves. */
  fourEyes: RequestType[];
}

export const DEFAULT_CONSOLE_SETTINGS: ConsoleSettings = {
  autoApprove: [],
  fourEyes: ['erasure', 'child_data_removal'],
};

const typeList = z
  .array(z.enum(REQUEST_TYPES))
  .max(REQUEST_TYPES.length)
  .refine((types) => new Set(types).size === types.length, { message: 'Each type may be listed only once.' });

export const consoleSettingsSchema = z
  .strictObject({ autoApprove: typeList, fourEyes: typeList })
  .superRefine((settings, ctx) => {
    // COPPA: a child's data is removed on a person's decision, never by an automatic policy.
    if (settings.autoApprove.includes('child_data_removal')) {
      ctx.addIssue({
        code: 'custom',
        path: ['autoApprove'],
        message: "Removing a child's data always needs an officer's approval.",
      });
    }
    // An automatic approval would bypass the second pair of eyes the other setting asks for.
    const both = settings.autoApprove.filter((type) => settings.fourEyes.includes(type));
    if (both.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['autoApprove'],
        message: `A type cannot be both approved automatically and need two officers: ${both.join(', ')}.`,
      });
    }
  });
