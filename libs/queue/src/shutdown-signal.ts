import { Injectable } from '@nestjs/common';

// Nest calls shutdown hooks from the root module outwards, so the job runner waits for active jobs
// before any service inside the workflow hears of the shutdown. A long job (a retention run) reads
// this instead: the runner raises it before waiting, and the job hands its work back at its next
// step rather than holding the process until it is killed.
@Injectable()
export class ShutdownSignal {
  private raised = false;

  get requested(): boolean {
    return this.raised;
  }

  request(): void {
    this.raised = true;
  }
}
