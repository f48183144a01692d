// Compares account logins across GitHub's APIs: REST and webhooks write an App's bot as
// "name[bot]", GraphQL's Bot.login leaves the suffix out.

/** The login without a trailing "[bot]", lowercased (logins are case-insensitive). */
function canonical(login: string): string {
  return login.replace(/\[bot\]$/i, '').toLowerCase();
}

/** True when two logins name the same account, whichever API wrote them. */
export function sameAccount(a: string | undefined | null, b: string | undefined | null): boolean {
  return typeof a === 'string' && typeof b === 'string' && canonical(a) === canonical(b);
}
