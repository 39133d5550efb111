import { dispatch } from './cli-dispatcher';
import { COMMANDS } from './command-registry';

dispatch(process.argv.slice(2), COMMANDS).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
