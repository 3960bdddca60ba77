// Bounds what one response may weigh: a result whose JSON is over the limit is replaced by an
// error saying so. The JSON is made once here; yoga sends it as is (and the response cache keeps
// it) for results without errors, since those need none of yoga's error sanitising.
import { isAsyncIterable } from '@envelop/core';
import type { ExecutionResult } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** A result carrying its own JSON: yoga's result processor calls `stringify` instead of JSON.stringify. */
export interface SerialisedResult extends ExecutionResult {
  stringify(): string;
}

export const withJson = (result: ExecutionResult, json: string): SerialisedResult => ({ ...result, stringify: () => json });

export const isSerialised = (result: ExecutionResult): result is SerialisedResult => typeof (result as Partial<SerialisedResult>).stringify === 'function';

export function useResponseSizeLimit(maxBytes: number): Plugin {
  /** The result as sent: with its JSON, or an error saying it is too large. */
  const bounded = (result: ExecutionResult): ExecutionResult | undefined => {
    if (isSerialised(result)) return undefined;
    const json = JSON.stringify(result);
    // Counting bytes scans the string: only needed when its length alone cannot tell.
    if (json.length > maxBytes || (json.length * 3 > maxBytes && Buffer.byteLength(json) > maxBytes)) {
      return {
        errors: [
          createGraphQLError(`The response would be larger than ${maxBytes} bytes: ask for fewer items or fields per request.`, {
            extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes },
          }),
        ],
      };
    }
    return result.errors?.length ? undefined : withJson(result, json);
  };
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) return;
          const sent = bounded(result);
          if (sent) setResult(sent);
        },
      };
    },
    // Each message of a subscription is bounded the same way.
    onSubscribe() {
      return {
        onSubscribeResult() {
          return {
            onNext({ result, setResult }) {
              const sent = bounded(result);
              if (sent) setResult(sent);
            },
          };
        },
      };
    },
  };
}
