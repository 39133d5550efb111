export * from './attachment-downloads.service';
export * from './attachment-file-name';
export * from './requester-reply.service';
export * from './upload-content-type';
