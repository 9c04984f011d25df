import type { Channel, DaysLine } from './replies.ts';
import { bold } from './reply-format.ts';

// Replies written from one tool's result, per channel (SMS short and plain, Telegram and web with bold).

export function listText(out: Record<string, unknown>, channel: Channel): string {
  const items = (out.items ?? []) as { name: string; quantity: number; expires: string | null }[];
  const d = (out.daysOfSupply ?? []) as DaysLine[];
  if (items.length === 0)
    return 'Your inventory is empty. Tell me what you have, e.g. "we have 3 flashlights" or "bought a case of water".';
  const shown = items.slice(0, channel === 'sms' ? 4 : 12);
  const lines = shown.map(
    (i) =>
      `${channel === 'sms' ? '' : '• '}${i.name} × ${i.quantity}${i.expires ? ` (exp ${i.expires})` : ''}`,
  );
  const days = d.map((x) => `${x.category} ${x.days} of ${x.targetDays} days`).join(', ');
  return [
    `${items.length} item${items.length === 1 ? '' : 's'}${Number(out.expiringSoon ?? 0) > 0 ? `, ${out.expiringSoon} expiring within 60 days` : ''}:`,
    ...lines,
    days ? `Days of supply: ${days}.` : '',
  ]
    .filter(Boolean)
    .join(channel === 'sms' ? ' ' : '\n');
}

export function rationsText(out: Record<string, unknown>, channel: Channel): string {
  const water = out.water as { gallonsPerDay: number; totalGallons: number; basis: string };
  const food = out.food as { kcalPerDay: number; totalKcal: number; basis: string };
  const days = Number(out.durationDays);
  const text = `For ${days} days: water ${water.gallonsPerDay} gal/day, ${water.totalGallons.toLocaleString('en-US')} gal in total; food ${food.kcalPerDay.toLocaleString('en-US')} kcal/day, ${food.totalKcal.toLocaleString('en-US')} kcal in total.`;
  if (channel === 'sms') return text;
  return `${text}\n\nWater: ${water.basis}\nFood: ${food.basis}`;
}

export function productsText(out: Record<string, unknown>, channel: Channel): string {
  const results = (out.results ?? []) as { name: string; price: number | null }[];
  if (results.length === 0) return "I didn't find a matching product in the catalog.";
  const lines = results
    .slice(0, channel === 'sms' ? 3 : 5)
    .map((p, i) => `${i + 1}. ${p.name}${p.price !== null ? ` — $${p.price.toFixed(2)}` : ''}`);
  return `${channel === 'sms' ? 'From the catalog:' : bold(channel, 'From the catalog:')}\n${lines.join('\n')}`;
}

export function bundlesText(out: Record<string, unknown>, channel: Channel): string {
  const bundles = (out.bundles ?? []) as { name: string; price: number | null; reasons: string[] }[];
  if (bundles.length === 0) return 'No ready-made bundle fits yet; your plan lists items one by one.';
  const lines = bundles.map(
    (b, i) =>
      `${i + 1}. ${b.name}${b.price !== null ? ` — $${b.price.toFixed(2)}` : ''}${channel === 'web' && b.reasons[0] ? `: ${b.reasons[0]}` : ''}`,
  );
  return `${channel === 'sms' ? 'Best-fitting bundles:' : bold(channel, 'Best-fitting bundles:')}\n${lines.join('\n')}`;
}

export function skillsText(out: Record<string, unknown>, channel: Channel): string {
  const resources = (out.resources ?? []) as { title: string; url: string; source: string | null }[];
  if (resources.length === 0) return "I don't have a resource for that skill yet.";
  const lines = resources
    .slice(0, channel === 'sms' ? 2 : 5)
    .map((x, i) => `${i + 1}. ${x.title}${x.source ? ` (${x.source})` : ''}: ${x.url}`);
  return `${channel === 'sms' ? 'To learn:' : bold(channel, 'Resources to learn from:')}\n${lines.join('\n')}`;
}

export function tierText(out: Record<string, unknown>, channel: Channel): string {
  const e = out.entitlements as Record<string, unknown>;
  const yes = Object.entries({
    'inventory tracking': e.inventoryTracking,
    'expiry check-ins': e.expiryCheckins,
    'founder group calls': e.founderGroupCalls,
    'expert calls': e.expertCalls,
  })
    .filter(([, v]) => v === true)
    .map(([k]) => k);
  const plans =
    e.savedPlans === 'unlimited' ? 'unlimited saved plans' : '1 saved plan (a new one replaces it)';
  const upgrade = out.upgradeUrl ? ` Upgrade: ${out.upgradeUrl}` : '';
  return `You're on ${bold(channel, String(out.tier))}: ${[plans, ...yes].join(', ')}.${upgrade}`;
}
