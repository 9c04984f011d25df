import type { Response } from 'express';

/**
 * Sign-out and account deletion tell the browser to drop this site's caches and storage (the service
 * worker's per-account copy of the plan, wallet card and inventory, and its registration), so nothing
 * private stays on a shared device. Cookies are cleared by the routes themselves.
 */
export function clearOfflineCopy(res: Response): void {
  res.set('Clear-Site-Data', '"cache", "storage"');
}
