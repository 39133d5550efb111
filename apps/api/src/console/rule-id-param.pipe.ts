import { type PipeTransform } from '@nestjs/common';
import { RequestException, RETENTION_RULE_ID_PATTERN } from '@rightsdesk/domain';

/** A retention rule id in a path: `system.collection.rule` or `rightsdesk.name`; anything else is unknown. */
export class RuleIdParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (value.length > 200 || !RETENTION_RULE_ID_PATTERN.test(value)) {
      throw new RequestException('not_found', 'No such retention rule.');
    }
    return value;
  }
}
