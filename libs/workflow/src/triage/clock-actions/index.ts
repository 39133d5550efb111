export * from './clock-action-services';
export * from './deadline-extension.service';
export * from './extension-refusal';
export * from './information-request.service';
export * from './request-deadline';
