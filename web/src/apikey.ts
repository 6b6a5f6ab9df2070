// The editor key of this tab: pasted once in the Review or the Duplicates panel, kept in
// sessionStorage, and sent as Authorization: Bearer with the writes only (reviews,
// judgements, splits).
import type { ApiError } from "./api";

const KEY_STORE = "entente.apiKey";

export function apiKey(): string | null {
  try { return sessionStorage.getItem(KEY_STORE); } catch { return null; }
}
export function setApiKey(k: string | null) {
  try { if (k) sessionStorage.setItem(KEY_STORE, k); else sessionStorage.removeItem(KEY_STORE); } catch { /* storage refused */ }
}

// keyRefusal is what to tell the analyst when the server refused the key of a write (what:
// "judgements", "a split"), or null when the failure is not about the key.
export function keyRefusal(x: ApiError, what: string): string | null {
  if (x.status === 401 || x.code === "UNAUTHENTICATED") {
    return `The server does not know this key (${x.code ?? x.status}): forget it and paste an editor key. The server says: “${x.message}”`;
  }
  if (x.status === 403 || x.code === "FORBIDDEN") {
    return `This key may only read (${x.code ?? x.status}): ${what} need${what.startsWith("a ") ? "s" : ""} an editor key. The server says: “${x.message}”`;
  }
  return null;
}

// howToGetAKey ends the message shown when a write is tried without a key.
export const howToGetAKey = "an admin makes one with `entente keys new --role editor`";
