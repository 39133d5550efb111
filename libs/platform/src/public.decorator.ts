import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'rightsdesk:is-public';

/** Opts a route out of the default-deny guard; every public route says so where it is declared. */
export const Public = (): ClassDecorator & MethodDecorator => SetMetadata(IS_PUBLIC, true);
