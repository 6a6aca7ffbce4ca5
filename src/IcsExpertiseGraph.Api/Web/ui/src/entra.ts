// Sign-in with Entra ID (NHS organisation accounts) through MSAL. The library is loaded with import() so it is a
// separate chunk, fetched only where the service is configured for Entra ID.
//
// MSAL 5 popups need a "redirect bridge": the popup comes back to the redirect URI (this app's root) with the
// response in the fragment (#code=…&state=…), and that page must hand the response to the opener. main.ts asks
// isEntraResponse() before starting the router and, when true, lets completeEntraResponse() do just that.

export interface EntraOptions {
  authority: string;
  clientId: string;
  scopes: string[];
}

function carriesResponse(params: URLSearchParams): boolean {
  return params.has('state') && (params.has('code') || params.has('error'));
}

/** True in the sign-in popup when Entra ID has sent it back with a response for the opener. */
export function isEntraResponse(): boolean {
  const hash = location.hash.replace(/^#/, '');
  // The app's own addresses all start with '/', so #/x&state=…&code=… is a page, never a sign-in response.
  return (!hash.startsWith('/') && carriesResponse(new URLSearchParams(hash))) || carriesResponse(new URLSearchParams(location.search));
}

/** In the popup: passes the response to the page that opened it (which then closes the popup). */
export async function completeEntraResponse(main: HTMLElement): Promise<void> {
  main.textContent = 'Completing sign-in…';
  try {
    const { broadcastResponseToMainFrame } = await import('@azure/msal-browser/redirect-bridge');
    await broadcastResponseToMainFrame();
  } catch (error) {
    main.textContent = `Sign-in could not be completed: ${error instanceof Error ? error.message : String(error)}. Close this window and try again.`;
  }
}

/** Signs in with a popup and returns an access token for the API's scopes. */
export async function entraAccessToken(options: EntraOptions): Promise<string> {
  const msal = await import('@azure/msal-browser');
  const app = new msal.PublicClientApplication({
    auth: { clientId: options.clientId, authority: options.authority, redirectUri: `${location.origin}/` },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await app.initialize();
  const login = await app.loginPopup({ scopes: options.scopes, prompt: 'select_account' });
  const result = await app.acquireTokenSilent({ scopes: options.scopes, account: login.account });
  return result.accessToken;
}
