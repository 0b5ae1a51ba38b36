import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZNotification,
  ZNotificationListQuery,
  ZNotificationPage,
  ZReadAllResult,
} from '../../../domain/api/notifications.ts';
import type { TDeps } from '../../context.ts';
import { requireAuth } from '../../plugins/auth.ts';
import * as notifications from './notifications.service.ts';

/** Any signed-in user's own notifications; never anyone else's. */
export function notificationsRoutes(deps: TDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['notifications'];
    app.get(
      '/api/notifications',
      {
        preHandler: requireAuth,
        schema: {
          tags,
          summary: '我的消息 My notifications (newest first; unread=true for unread only)',
          querystring: ZNotificationListQuery,
          response: { 200: ZNotificationPage },
        },
      },
      async (request) => notifications.listMyNotifications(deps, request.ctx, request.query),
    );
    app.post(
      '/api/notifications/:id/read',
      {
        preHandler: requireAuth,
        schema: {
          tags,
          summary: '标记已读 Mark one notification read',
          params: z.object({ id: z.uuid() }),
          response: { 200: ZNotification },
        },
      },
      async (request) => notifications.markNotificationRead(deps, request.ctx, request.params.id),
    );
    app.post(
      '/api/notifications/read-all',
      {
        preHandler: requireAuth,
        schema: {
          tags,
          summary: '全部已读 Mark all my notifications read',
          response: { 200: ZReadAllResult },
        },
      },
      async (request) => notifications.markAllNotificationsRead(deps, request.ctx),
    );
  };
}
