// Content hashes for bulletins: the same bytes loaded twice are recognised, and the CLI prints
// the same digest the page stores. Web Crypto exists in browsers, workers and Node 20 alike.

/** Lowercase hex SHA-256 of some bytes. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Our bytes never live in a SharedArrayBuffer; the DOM typings insist on saying so.
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (let i = 0; i < digest.length; i++) hex += digest[i].toString(16).padStart(2, '0');
  return hex;
}
