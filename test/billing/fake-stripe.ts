import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StripeRequest = {
  method: string;
  path: string;
  params: URLSearchParams;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
};

/**
 * A small local server speaking Stripe's API wire format (form-encoded requests, JSON objects and Stripe's
 * error envelope) for the calls billing makes: customers, Checkout sessions and Customer Portal sessions.
 * The real `stripe` client is pointed at it (STRIPE_API_ROOT).
 */
export async function startFakeStripe(): Promise<{
  apiRoot: string;
  requests: StripeRequest[];
  close(): Promise<void>;
}> {
  const requests: StripeRequest[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]!;
      const params = new URLSearchParams(body);
      requests.push({
        method: req.method ?? '',
        path,
        params,
        authorization: req.headers.authorization,
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${++n}` });
        res.end(JSON.stringify(json));
      };
      if (!req.headers.authorization?.startsWith('Bearer sk_test_')) {
        send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
        return;
      }
      n += 1;
      if (req.method === 'POST' && path === '/v1/customers') {
        send(200, { id: `cus_${n}`, object: 'customer', email: params.get('email'), metadata: {} });
      } else if (req.method === 'POST' && path === '/v1/checkout/sessions') {
        if (!params.get('line_items[0][price]')) {
          send(400, {
            error: { type: 'invalid_request_error', message: 'Missing line_items', param: 'line_items' },
          });
          return;
        }
        send(200, {
          id: `cs_test_${n}`,
          object: 'checkout.session',
          mode: params.get('mode'),
          customer: params.get('customer'),
          client_reference_id: params.get('client_reference_id'),
          url: `https://checkout.stripe.test/c/pay/cs_test_${n}`,
        });
      } else if (req.method === 'POST' && path === '/v1/billing_portal/sessions') {
        send(200, {
          id: `bps_${n}`,
          object: 'billing_portal.session',
          customer: params.get('customer'),
          return_url: params.get('return_url'),
          url: `https://billing.stripe.test/p/session/bps_${n}`,
        });
      } else if (req.method === 'GET' && path.startsWith('/v1/prices/')) {
        const id = path.slice('/v1/prices/'.length);
        const amounts: Record<string, number> = { m: 799, y: 7900 };
        const kind = id.endsWith('_y') ? 'y' : 'm';
        send(200, {
          id,
          object: 'price',
          active: true,
          currency: 'usd',
          unit_amount: id.includes('_p') ? amounts[kind]! * 2 : amounts[kind],
          recurring: { interval: kind === 'y' ? 'year' : 'month' },
        });
      } else {
        send(404, {
          error: { type: 'invalid_request_error', message: `Unrecognized request URL (${path})` },
        });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Stripe-shaped event payloads for the webhook tests. */
let seq = 0;
export function stripeEvent(type: string, object: Record<string, unknown>, created: number) {
  seq += 1;
  return {
    id: `evt_${seq}_${Math.random().toString(36).slice(2, 8)}`,
    object: 'event',
    type,
    created,
    data: { object },
    livemode: false,
    api_version: '2026-10-28.endive',
  };
}
