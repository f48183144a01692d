// GitHub App authentication: installation access tokens and the authenticated app.
import { userJson } from '../json.ts';
import { HttpError, notFound, type Routes } from './route.ts';

export const appRoutes: Routes = {
  'apps/create-installation-access-token'(ctx) {
    if (ctx.identity.kind !== 'app') throw new HttpError(401, 'A JSON web token could not be decoded');
    const installation = ctx.installations.get(Number(ctx.params.installation_id));
    if (!installation) notFound();
    return {
      status: 201,
      body: {
        token: ctx.issueToken(installation.id),
        expires_at: new Date(Date.now() + 3600_000).toISOString(),
        permissions: { checks: 'write', contents: 'read', issues: 'write', pull_requests: 'write', metadata: 'read' },
        repository_selection: 'all',
      },
    };
  },

  'apps/get-authenticated'(ctx) {
    if (ctx.identity.kind !== 'app') throw new HttpError(401, 'A JSON web token could not be decoded');
    return {
      status: 200,
      body: {
        id: ctx.app.id,
        slug: ctx.app.slug,
        node_id: `A_${ctx.app.id}`,
        name: ctx.app.name,
        owner: userJson(ctx.app.owner, ctx.base),
        description: '',
        external_url: 'https://example.org',
        html_url: `https://github.com/apps/${ctx.app.slug}`,
        created_at: '2025-01-01T00:00:00Z',
        updated_at: '2025-01-01T00:00:00Z',
        permissions: {},
        events: [],
      },
    };
  },
};
