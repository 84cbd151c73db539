/**
 * Outgoing mail through nodemailer over SMTP (`SMTP_URL`, `MAIL_FROM`; README
 * "Configuration"). Without both there is no mailer and coordinators copy links instead.
 */
import { createTransport } from 'nodemailer';
import { invitationMail, type InvitationMailInput } from './invitation-mail.js';

export interface Mailer {
  /** Mails an invitation link to `to`; true once the SMTP server has accepted it, false if it failed (logged). */
  sendInvitation(to: string, input: InvitationMailInput): Promise<boolean>;
}

/** Seconds an unresponsive SMTP server may hold the coordinator's request. */
const TIMEOUT_MS = 10_000;

/**
 * A mailer for the configured SMTP server, or null when mail is not configured.
 * Failures are reported as `false`, never thrown: the invitation exists either way and
 * the coordinator still gets its link to pass on.
 */
export function createMailer(config: { smtpUrl: string | null; mailFrom: string | null }, log: (message: string) => void = console.error): Mailer | null {
  const { smtpUrl, mailFrom } = config;
  if (!smtpUrl || !mailFrom) return null;
  const transport = createTransport({ url: smtpUrl, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS });
  return {
    async sendInvitation(to, input) {
      const { subject, text } = invitationMail(input);
      try {
        await transport.sendMail({ from: mailFrom, to, subject, text });
        return true;
      } catch (error) {
        log(`Invitation mail could not be sent: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      }
    },
  };
}
