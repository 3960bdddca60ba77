// yoga's JSON body parser attaches the JSON error to its "invalid JSON" answer
// (`extensions.originalError`), and that message quotes the request body back. The answer keeps
// its message, code and HTTP status, without the quote.
import { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

function plain(error: unknown): unknown {
  if (!(error instanceof GraphQLError) || !error.extensions?.originalError) return error;
  const { originalError: _quoted, http, ...extensions } = error.extensions as { originalError: unknown; http?: { status?: number } };
  // yoga answers 200 for a `spec` error without an original error: keep the 400.
  return createGraphQLError(error.message, { extensions: { ...extensions, http: { status: http?.status ?? 400 } } });
}

export function usePlainParseErrors(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          throw plain(error);
        }
      });
    },
  };
}
