import twilio from 'twilio';

/**
 * The Twilio REST client, optionally pointed somewhere other than api.twilio.com (TWILIO_API_ROOT: a local
 * Twilio-speaking server in tests and benchmarks). The SDK has no base-URL option, so its HTTP client is a
 * RequestClient that keeps each request's path and query and swaps the scheme, host and port.
 */
type RequestOptions<TData> = Parameters<twilio.RequestClient['request']>[0] & { data?: TData };

class RootedRequestClient extends twilio.RequestClient {
  constructor(private readonly root: URL) {
    super({ timeout: 15_000 });
  }

  override request<TData>(opts: RequestOptions<TData>) {
    const original = new URL(opts.uri);
    const rooted = new URL(`${original.pathname}${original.search}`, this.root);
    return super.request<TData>({ ...opts, uri: rooted.toString() });
  }
}

export type TwilioClientConfig = { accountSid: string; authToken: string; apiRoot?: string | undefined };

export function createTwilioClient(config: TwilioClientConfig): twilio.Twilio {
  if (!config.apiRoot) return twilio(config.accountSid, config.authToken);
  return twilio(config.accountSid, config.authToken, {
    httpClient: new RootedRequestClient(new URL(config.apiRoot)),
  });
}
