export const PREVIEW_URL_DESCRIPTION =
  'An absolute, signed link to the preview SVG, usable in an <img> tag on any origin without an API key; valid for an hour. Its base is PUBLIC_URL when the service has one configured, otherwise the origin the request was sent to (behind trusted proxies: the forwarded host and scheme).';
