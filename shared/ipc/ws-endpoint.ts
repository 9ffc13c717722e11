// Where the browser preview's WebSocket is, apart from its message schemas: the page finds the
// socket before it needs any schema (the schemas are built on the first message, ADR 054).

/** Path of the WebSocket endpoint; the session token rides in the query (`?token=`). */
export const PREVIEW_WS_PATH = '/ipc';
export const PREVIEW_TOKEN_PARAM = 'token';
