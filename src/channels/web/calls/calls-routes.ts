import express, { Router } from 'express';
import { z } from 'zod';
import { getProfile } from '../../../services/accounts/users.ts';
import {
  bookExpertCall,
  bookingIcs,
  callForExpert,
  cancelExpertCall,
  giveFeedback,
  listExpertCalls,
  listRecordings,
  myBookings,
  recordAttendanceAs,
} from '../../../services/calls/index.ts';
import { AppError } from '../../../services/errors.ts';
import { checkTier } from '../../../services/tiers/tiers.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { idParam, parseBody } from '../shared/request.ts';
import {
  csrfProtection,
  requireUser,
  requireUserPage,
  signedInUser,
  visitorMiddleware,
  visitorOf,
} from '../shared/visitor.ts';
import { callPage, callsPage } from './calls-pages.ts';

const NOTICES: Record<string, string> = {
  booked: 'You are booked. Add it to your calendar below.',
  cancelled: 'Your booking is cancelled.',
  thanks: 'Thank you for the feedback.',
};
const attendanceInput = z.object({ userId: z.string(), joinedAt: z.coerce.date(), leftAt: z.coerce.date() });
const feedbackForm = z.object({ rating: z.coerce.number(), text: z.string().optional() });

/** Expert calls: list, book, cancel, calendar file, feedback, recordings; the expert's view of attendees. */
export function callsRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const db = deps.database.db;
  const visitor = visitorMiddleware(deps);
  const csrf = csrfProtection(deps.config);
  const form = express.urlencoded({ extended: false, limit: '8kb' });
  const json = express.json({ limit: '8kb' });
  const notice = (q: unknown) => (typeof q === 'string' ? (NOTICES[q] ?? null) : null);
  const recordingsOrNull = async (userId: string) => {
    try {
      return await listRecordings(db, userId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'TIER_LIMIT') return null;
      throw error;
    }
  };

  router.get('/calls', visitor, async (req, res) => {
    const v = visitorOf(res);
    const userId = v.user?.id ?? null;
    const [calls, bookings, recordings] = await Promise.all([
      listExpertCalls(db, userId, { limit: 20 }),
      userId ? myBookings(db, userId) : [],
      userId ? recordingsOrNull(userId) : null,
    ]);
    res
      .type('html')
      .send(
        callsPage(v, { calls, bookings, recordings, notice: notice(req.query.notice), now: new Date() })
          .value,
      );
  });

  router.get('/calls/:id', visitor, requireUserPage, async (req, res) => {
    const id = idParam(req);
    const userId = signedInUser(res).id;
    const [bookings, profile] = await Promise.all([myBookings(db, userId), getProfile(db, userId)]);
    const booking = bookings.find((b) => b.callId === id);
    const privileged = profile?.role === 'ADMIN' || profile?.role === 'EXPERT';
    const expertView = privileged ? await callForExpert(db, userId, id) : null;
    const call =
      expertView?.call ??
      (await listExpertCalls(db, userId, { limit: 100 })).find((c) => c.id === id) ??
      (booking ? { ...booking, id, description: null } : null);
    if (!call) throw new AppError('NOT_FOUND', 'Expert call not found');
    res.type('html').send(
      callPage(visitorOf(res), {
        call: {
          id,
          title: call.title,
          description: call.description ?? null,
          scheduledDate: call.scheduledDate,
          expertName: call.expertName ?? null,
          zoomLink: booking?.zoomLink ?? null,
        },
        booked: Boolean(booking),
        past: call.scheduledDate.getTime() <= Date.now(),
        rating: booking?.rating ?? null,
        notice: notice(req.query.notice),
        attendees: expertView?.attendees ?? null,
      }).value,
    );
  });

  router.get(
    ['/calls/:id/calendar.ics', '/api/calls/:id/calendar.ics'],
    visitor,
    requireUser,
    async (req, res) => {
      const file = await bookingIcs(db, signedInUser(res).id, idParam(req), {
        publicUrl: deps.config.publicUrl,
      });
      res.set('content-disposition', `attachment; filename="${file.filename}"`);
      res.type('text/calendar; charset=utf-8').send(file.body);
    },
  );

  router.post('/calls/:id/book', form, visitor, csrf, requireUser, async (req, res) => {
    const id = idParam(req);
    await bookExpertCall(db, signedInUser(res).id, id);
    res.redirect(303, `/calls/${id}?notice=booked`);
  });

  router.post('/calls/:id/cancel', form, visitor, csrf, requireUser, async (req, res) => {
    await cancelExpertCall(db, signedInUser(res).id, idParam(req));
    res.redirect(303, '/calls?notice=cancelled');
  });

  router.post('/calls/:id/feedback', form, visitor, csrf, requireUser, async (req, res) => {
    const id = idParam(req);
    const input = parseBody(feedbackForm, req.body);
    await giveFeedback(db, signedInUser(res).id, id, {
      rating: input.rating,
      ...(input.text ? { text: input.text } : {}),
    });
    res.redirect(303, `/calls/${id}?notice=thanks`);
  });

  // The JSON API.
  router.get('/api/calls', visitor, async (_req, res) => {
    const userId = visitorOf(res).user?.id ?? null;
    const calls = await listExpertCalls(db, userId, { limit: 50 });
    res.json({ calls, tier: userId ? (await checkTier(db, userId)).tier : null });
  });

  router.get('/api/calls/mine', visitor, requireUser, async (_req, res) => {
    res.json({ bookings: await myBookings(db, signedInUser(res).id) });
  });

  router.get('/api/calls/recordings', visitor, requireUser, async (_req, res) => {
    res.json({ recordings: await listRecordings(db, signedInUser(res).id) });
  });

  router.post('/api/calls/:id/booking', json, visitor, csrf, requireUser, async (req, res) => {
    const id = idParam(req);
    const booking = await bookExpertCall(db, signedInUser(res).id, id);
    res.status(booking.alreadyBooked ? 200 : 201).json({
      booking,
      calendarUrl: `${deps.config.publicUrl}/calls/${id}/calendar.ics`,
    });
  });

  router.delete('/api/calls/:id/booking', visitor, csrf, requireUser, async (req, res) => {
    await cancelExpertCall(db, signedInUser(res).id, idParam(req));
    res.status(204).end();
  });

  router.post('/api/calls/:id/feedback', json, visitor, csrf, requireUser, async (req, res) => {
    const input = parseBody(feedbackForm, req.body);
    await giveFeedback(db, signedInUser(res).id, idParam(req), {
      rating: input.rating,
      ...(input.text ? { text: input.text } : {}),
    });
    res.status(204).end();
  });

  router.post('/api/calls/:id/attendance', json, visitor, csrf, requireUser, async (req, res) => {
    const input = parseBody(attendanceInput, req.body);
    await recordAttendanceAs(db, signedInUser(res).id, idParam(req), input.userId, input);
    res.status(204).end();
  });

  router.get('/api/calls/:id/attendees', visitor, requireUser, async (req, res) => {
    res.json(await callForExpert(db, signedInUser(res).id, idParam(req)));
  });

  return router;
}
