import { useState } from 'react';
import { ApiError } from '../api/client';
import type { FieldProblem } from '../components/form';

export interface Submission {
  busy: boolean;
  /** Problems to show on the form's controls (the error summary links to them). */
  problems: FieldProblem[];
  /** Anything else that went wrong, for a notice. */
  failure: unknown;
  /**
   * Shows the problems the form found itself; when there are none, runs `work` (busy meanwhile) and
   * shows what the api refused: its field errors on the controls `fields` names (api path → control
   * id), anything else as the failure.
   */
  submit(found: FieldProblem[], work: () => Promise<void>): Promise<void>;
  /** A dialog opened afresh shows nothing from its last use. */
  reset(): void;
}

// The state every action form and dialog keeps while it talks to the api, kept once.
export function useSubmission(fields: Record<string, string> = {}): Submission {
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const submit = async (found: FieldProblem[], work: () => Promise<void>) => {
    setProblems(found);
    setFailure(null);
    if (found.length > 0) {
      return;
    }
    setBusy(true);
    try {
      await work();
    } catch (error) {
      const fromApi = fieldProblems(error, fields);
      setProblems(fromApi ?? []);
      setFailure(fromApi ? null : error);
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    problems,
    failure,
    submit,
    reset: () => {
      setProblems([]);
      setFailure(null);
    },
  };
}

/** The api's field errors as problems on this form's controls, when every one of them has a control here. */
function fieldProblems(error: unknown, fields: Record<string, string>): FieldProblem[] | null {
  if (!(error instanceof ApiError) || !error.body.fieldErrors) {
    return null;
  }
  const problems = error.body.fieldErrors.filter((e) => fields[e.path]).map((e) => ({ id: fields[e.path], message: e.message }));
  return problems.length > 0 && problems.length === error.body.fieldErrors.length ? problems : null;
}
