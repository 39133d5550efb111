import { AppIntake } from '../../intake/app-intake.service';
import { LoggedIntake } from '../../intake/logged-intake.service';
import { RequestFilings } from '../../intake/request-filings.service';
import { AttachmentDownloads } from '../replies/attachment-downloads.service';
import { RequesterReplies } from '../replies/requester-reply.service';
import { DeadlineExtension } from './deadline-extension.service';
import { InformationRequests } from './information-request.service';

/** The clock actions, the requester's answers and the filings that don't come through the portal. */
export const CLOCK_ACTION_SERVICES = [
  AppIntake,
  AttachmentDownloads,
  DeadlineExtension,
  InformationRequests,
  LoggedIntake,
  RequestFilings,
  RequesterReplies,
];
