import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RequestErrorCode } from '@rightsdesk/domain';

export class FieldErrorBody {
  @ApiProperty({ example: 'email' })
  path!: string;

  @ApiProperty({ example: 'invalid_email' })
  code!: string;

  @ApiProperty({ example: 'Enter a valid email address.' })
  message!: string;
}

/** Every error the API returns has this shape; `code` is stable and safe to branch on. */
export class ErrorBody {
  @ApiProperty({ example: 'validation_failed', description: 'Stable machine-readable error code' })
  code!: RequestErrorCode;

  @ApiProperty({ example: 'The request body is not valid.' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldErrorBody] })
  fieldErrors?: FieldErrorBody[];

  @ApiPropertyOptional({ example: 'c0a8012e-7f0e-4b8e-9d0c-1f2e3d4c5b6a', description: 'Quote this when reporting a problem' })
  requestId?: string;

  @ApiPropertyOptional({ example: '6f1c2b7e-…', description: 'Present on internal errors; the details are in the server log' })
  errorId?: string;
}
