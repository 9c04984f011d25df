// Numbers as every ReadyPlan page, PDF and the chat client write them: money from the domain's one format
// ("$1,999.68 of $2,000.00"), quantities with en-US grouping. Pure, so the browser bundle can take it too.
export { money } from '../../../domain/money.ts';

export const number = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
