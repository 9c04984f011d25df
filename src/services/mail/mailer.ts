import nodemailer from 'nodemailer';

/**
 * Outgoing e-mail over SMTP (nodemailer), configured by SMTP_URL (`smtp://user:pass@host:587`, or
 * `smtps://` for TLS from the first byte) and MAIL_FROM. Off when SMTP_URL is unset: then nothing that
 * needs e-mail (password reset) is offered. One transport per process, built by the composition root
 * or a test, closed with it.
 */
export type MailConfig = { smtpUrl: string; from: string };

export type Mail = { to: string; subject: string; text: string };

export type Mailer = {
  send(mail: Mail): Promise<void>;
  close(): void;
};

export function createMailer(config: MailConfig): Mailer {
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from: config.from, ...mail });
    },
    close: () => transport.close(),
  };
}
