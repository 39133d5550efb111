// The part of the domain that runs in a browser (no Node built-ins): the web app validates forms
// with the server's own schema and error codes, and names statuses, types and actions as it does.
export * from './calendar-date';
export * from './console-actions';
export * from './console-settings';
export * from './data-category';
export * from './deny-reason';
export * from './email';
export * from './intake-schema';
export * from './officer-role';
export * from './regime';
export * from './request-channel';
export * from './request-exception';
export * from './request-status';
export * from './request-type';
export * from './status-machine';
export * from './statutory-clock';
export * from './uuid';
