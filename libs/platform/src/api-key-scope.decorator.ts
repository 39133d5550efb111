import { SetMetadata } from '@nestjs/common';

export const API_KEY_SCOPE = 'rightsdesk:api-key-scope';

/** Lets a server-to-server caller in with an API key carrying this scope (`Authorization: Bearer rdk_…`). */
export const RequiresApiKey = (scope: string): ClassDecorator & MethodDecorator => SetMetadata(API_KEY_SCOPE, scope);
