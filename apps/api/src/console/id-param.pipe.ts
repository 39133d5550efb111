import { type PipeTransform } from '@nestjs/common';
import { isUuid, RequestException } from '@rightsdesk/domain';

/** An id in a path: anything but a UUID is an unknown thing (404), never a database error. */
export class IdParam implements PipeTransform<string, string> {
  constructor(private readonly what: string) {}

  transform(value: string): string {
    if (!isUuid(value)) {
      throw new RequestException('not_found', `No such ${this.what}.`);
    }
    return value;
  }
}
