export * from './checkout.ts';
export * from './history.ts';
export * from './prices.ts';
export * from './stripe-client.ts';
export * from './subscriptions.ts';
export * from './webhooks.ts';
