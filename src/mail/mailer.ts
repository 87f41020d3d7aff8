import nodemailer from 'nodemailer';
import type { MailMessageRow } from '../db/schema.js';

/**
 * The one way Docket sends mail. With SMTP_URL: one pooled nodemailer SMTP transport with
 * explicit timeouts. Without: the built-in outbox, where nodemailer's stream transport builds
 * the exact RFC 5322 bytes SMTP would have carried, and they are kept for the team to read.
 * Either way content comes only from the message itself (file and URL access are disabled).
 */

export type DeliveryResult =
  | { status: 'sent' }
  | { status: 'outbox'; raw: string }
  /** 4xx replies and network errors: worth trying again later. */
  | { status: 'retry'; error: string }
  /** 5xx replies: the server refused for good. */
  | { status: 'failed'; error: string };

export interface Mailer {
  readonly mode: 'smtp' | 'outbox';
  /** The From address (`MAIL_FROM`), also the ORGANIZER of calendar invitations. */
  readonly from: string;
  deliver(message: MailMessageRow): Promise<DeliveryResult>;
  close(): void;
}

export interface MailerConfig {
  smtpUrl: string | undefined;
  from: string;
  connectionTimeoutMs: number;
  greetingTimeoutMs: number;
  socketTimeoutMs: number;
}

type NodemailerMessage = Parameters<ReturnType<typeof nodemailer.createTransport>['sendMail']>[0];

function messageOf(row: MailMessageRow, from: string): NodemailerMessage {
  return {
    from,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    messageId: row.message_id,
    date: new Date(row.created_at),
    disableFileAccess: true,
    disableUrlAccess: true,
    ...(row.ics !== null
      ? { icalEvent: { method: row.ics_method ?? 'REQUEST', filename: 'invite.ics', content: row.ics } }
      : {}),
  };
}

function describe(error: unknown): { message: string; responseCode: number | undefined } {
  const e = error as { message?: string; response?: string; responseCode?: number; code?: string };
  const message = [e.code, e.response ?? e.message].filter((p) => p !== undefined && p !== '').join(': ');
  return { message: message === '' ? String(error) : message, responseCode: typeof e.responseCode === 'number' ? e.responseCode : undefined };
}

export function createMailer(config: MailerConfig): Mailer {
  const defaults = { disableFileAccess: true, disableUrlAccess: true };
  if (config.smtpUrl === undefined) {
    const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' }, defaults);
    return {
      mode: 'outbox',
      from: config.from,
      async deliver(row) {
        const info = await stream.sendMail(messageOf(row, config.from));
        const raw = Buffer.isBuffer(info.message) ? info.message.toString('utf8') : String(info.message);
        return { status: 'outbox', raw };
      },
      close: () => stream.close(),
    };
  }
  const smtp = nodemailer.createTransport(
    {
      url: config.smtpUrl,
      pool: true,
      maxConnections: 5,
      connectionTimeout: config.connectionTimeoutMs,
      greetingTimeout: config.greetingTimeoutMs,
      socketTimeout: config.socketTimeoutMs,
      ...defaults,
    },
    defaults,
  );
  return {
    mode: 'smtp',
    from: config.from,
    async deliver(row) {
      try {
        await smtp.sendMail(messageOf(row, config.from));
        return { status: 'sent' };
      } catch (error) {
        const { message, responseCode } = describe(error);
        if (responseCode !== undefined && responseCode >= 500 && responseCode < 600) return { status: 'failed', error: message };
        return { status: 'retry', error: message };
      }
    },
    close: () => smtp.close(),
  };
}
