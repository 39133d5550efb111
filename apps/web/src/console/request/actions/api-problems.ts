import { ApiError } from '../../../api/client';
import type { FieldProblem } from '../../../components/form';

/**
 * The api's field errors as problems on this form's controls (`fields` maps the api's paths to
 * control ids); anything else comes back as `other` for a notice.
 */
export function apiProblems(error: unknown, fields: Record<string, string>): { problems: FieldProblem[]; other: unknown } {
  if (error instanceof ApiError && error.body.fieldErrors) {
    const problems = error.body.fieldErrors.filter((e) => fields[e.path]).map((e) => ({ id: fields[e.path], message: e.message }));
    if (problems.length === error.body.fieldErrors.length) {
      return { problems, other: null };
    }
  }
  return { problems: [], other: error };
}
