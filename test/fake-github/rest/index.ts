// Every REST route of the fake, keyed by OpenAPI operationId. Add a file per area and spread it here.
import { appRoutes } from './apps.ts';
import { checkRoutes } from './checks.ts';
import { issueRoutes } from './issues.ts';
import { pullRoutes } from './pulls.ts';
import { repoRoutes } from './repos.ts';
import type { Routes } from './route.ts';

export const routes: Routes = { ...appRoutes, ...repoRoutes, ...pullRoutes, ...issueRoutes, ...checkRoutes };
