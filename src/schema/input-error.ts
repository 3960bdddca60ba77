// How a refusal of bad input reaches the client: as a `ValidationError` member where the field's
// result union has one, and as a GraphQL error with code BAD_USER_INPUT and the same issues
// elsewhere (lists, lookups). Never as an unexpected error.
import { getNamedType, GraphQLError, isUnionType, type GraphQLResolveInfo } from 'graphql';
import { TakeoverValidationError, type ValidationIssue } from '../takeover/validation-issue.js';

export function badInput(issues: ValidationIssue[]): GraphQLError {
  return new GraphQLError(`Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, {
    extensions: { code: 'BAD_USER_INPUT', issues },
  });
}

export function validationFailure(issues: ValidationIssue[], info: GraphQLResolveInfo): Error {
  const type = getNamedType(info.returnType);
  const hasValidationError = isUnionType(type) && type.getTypes().some((member) => member.name === 'ValidationError');
  return hasValidationError ? new TakeoverValidationError(issues) : badInput(issues);
}
