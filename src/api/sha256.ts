// The sha256 of a scenario's text that summary.json records, with the Web Crypto API
// (globalThis.crypto.subtle: Node >= 20 and every current browser), so the library entry
// needs no node:crypto and gives the CLI's hex digest.
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
