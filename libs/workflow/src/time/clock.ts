import { Injectable } from '@nestjs/common';

// Time is injected so tests (and retention dry runs) can move it; nothing in workflow calls
// `new Date()` directly.
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
