// How a request reached the company. `web` is the privacy center, `api` the company's own app
// filing for a signed-in user (API key), `retention` a children rule that found an account under
// age, `agent` an authorized agent speaking the Data Rights Protocol, `gpc` a Global Privacy
// Control signal from an identified person; the rest are logged by an officer with the real date.
export const REQUEST_CHANNELS = ['web', 'api', 'post', 'phone', 'email', 'retention', 'agent', 'gpc'] as const;

export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** The channels an officer logs by hand. */
export const LOGGED_CHANNELS = ['post', 'phone', 'email'] as const satisfies readonly RequestChannel[];

export type LoggedChannel = (typeof LOGGED_CHANNELS)[number];
