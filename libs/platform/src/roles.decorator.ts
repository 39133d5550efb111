import { SetMetadata } from '@nestjs/common';
import type { OfficerRole } from '@rightsdesk/domain';

export const ROLES = 'rightsdesk:roles';
export const DURING_ENROLMENT = 'rightsdesk:during-enrolment';

/**
 * Lets signed-in officers with one of these roles in. Every console route names its roles where it
 * is declared; the global guard refuses a route that names neither roles, an API key scope nor
 * @Public().
 */
export const Roles = (...roles: [OfficerRole, ...OfficerRole[]]): ClassDecorator & MethodDecorator => SetMetadata(ROLES, roles);

/**
 * Open to a session that may only set up its second factor (an admin who must have one and has
 * none yet): signing out, reading who is signed in, and the enrolment itself.
 */
export const DuringEnrolment = (): ClassDecorator & MethodDecorator => SetMetadata(DURING_ENROLMENT, true);
