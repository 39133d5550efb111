import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { OfficerRole } from '@rightsdesk/domain';
import { API_KEY_SCOPE, DURING_ENROLMENT, IS_PUBLIC, ROLES } from '@rightsdesk/platform';

/** Who may call a route, as its decorators declare it (the guard's reading of the same metadata). */
export type RouteAccess = 'public' | `api-key:${string}` | OfficerRole[] | 'nobody';

export interface DeclaredRoute {
  /** `GET /api/v1/console/requests/:id` */
  key: string;
  method: string;
  path: string;
  access: RouteAccess;
  duringEnrolment: boolean;
}

function metadata<T>(key: string, handler: object, controller: object): T | undefined {
  // The guard reads handler first, then class (Reflector.getAllAndOverride).
  return (Reflect.getMetadata(key, handler) as T | undefined) ?? (Reflect.getMetadata(key, controller) as T | undefined);
}

function joinPath(...parts: Array<string | undefined>): string {
  return `/${parts
    .filter((p): p is string => p !== undefined && p !== '' && p !== '/')
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .join('/')}`;
}

/** Every route the controllers declare, read from Nest's metadata. */
export function declaredRoutes(controllers: Array<Type<unknown>>): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const controller of controllers) {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') {
        continue;
      }
      const methodValue = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const routePath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (methodValue === undefined || routePath === undefined) {
        continue;
      }
      const method = RequestMethod[methodValue];
      for (const b of ([] as Array<string | undefined>).concat(base)) {
        for (const p of ([] as string[]).concat(routePath)) {
          const path = joinPath(b, p);
          const roles = metadata<OfficerRole[]>(ROLES, handler, controller);
          const scope = metadata<string>(API_KEY_SCOPE, handler, controller);
          const access: RouteAccess = metadata<boolean>(IS_PUBLIC, handler, controller)
            ? 'public'
            : scope !== undefined
              ? `api-key:${scope}`
              : roles && roles.length > 0
                ? [...roles].sort()
                : 'nobody';
          routes.push({ key: `${method} ${path}`, method, path, access, duringEnrolment: metadata<boolean>(DURING_ENROLMENT, handler, controller) === true });
        }
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
