// Expected failures are typed members of a payload union (Pothos errors plugin, "Recommended
// Usage"); anything else is masked by yoga.
import { TakeoverValidationError, type ValidationIssue } from '../takeover/validation-issue.js';
import { builder } from './builder.js';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure, returned as data.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'What went wrong, for a person.' }) }),
});

export const ValidationIssueRef = builder.objectRef<ValidationIssue>('ValidationIssue').implement({
  description: 'One problem with the input.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Where the problem is, e.g. `params.foregrounds[1].rect.width`.' }),
    message: t.exposeString('message', { description: 'What is wrong, for a person.' }),
  }),
});

builder.objectType(TakeoverValidationError, {
  name: 'ValidationError',
  description: 'The input breaks our rules. Nothing was recorded or sent.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    issues: t.field({ type: [ValidationIssueRef], resolve: (error) => error.issues, description: 'Every problem found.' }),
  }),
});

/** The object does not exist, or is not yours: the two look the same. */
export class NotFoundError extends Error {
  constructor(readonly what: string) {
    super(`No ${what} with this id.`);
  }

  static throw(what: string): never {
    throw new NotFoundError(what);
  }
}

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'No such object, or not yours: the two look the same.',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});


/** Names for a mutation's payload union and its success type: `<Name>Result`, `<Name>Success`. */
export function payloadNames(name: string, success: string) {
  return {
    result: { name: `${name}Success`, description: success },
    union: { name: `${name}Result`, description: `The outcome of ${name[0]!.toLowerCase()}${name.slice(1)}.` },
  };
}
