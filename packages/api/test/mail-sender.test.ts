// The sender over a real SMTP server (in-process smtp-server, read back with mailparser), and
// into the local mailbox without SMTP_URL: recipients, subject, a Message-ID stable per message,
// the one-time secret erased once sent; an SMTP server down then up; tries exhausted → FAILED,
// visible to admins, who may queue it again; and the admin mail procedures refuse everyone else.
import type { Db } from "@openticket/db";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { renderMail } from "@openticket/email";
import jsQR from "jsqr";
import { PDFParse } from "pdf-parse";
import { PNG } from "pngjs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultSettings } from "../src/context.ts";
import { loadMailData } from "../src/services/mail/mail-data/load-mail-data.ts";
import { type MailToQueue, queueMail } from "../src/services/mail/queue-mail.ts";
import { messageIdFor } from "../src/services/mail/send-mail.ts";
import { callerFor, callerWithRole } from "./helpers/callers.ts";
import { organizerEvent } from "./helpers/organizer.ts";
import { codeOf } from "./helpers/refusals.ts";
import { checkoutAndPay } from "./helpers/sale.ts";
import { limitTries, runMailJobs, skipBackoff } from "./support/mail-jobs.ts";
import { startSmtpServer, type TestSmtpServer } from "./support/smtp-server.ts";

const database = useTestDatabase();
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.stop());
beforeEach(async () => {
  smtp.received.length = 0;
  smtp.refuse = false;
  await smtp.start();
});

const overSmtp = () => ({ smtpUrl: smtp.url });

function signUpAttempt(to: string, key: string): MailToQueue {
  return {
    key,
    to,
    userId: null,
    locale: "en",
    mail: {
      kind: "sign-up-attempt",
      signInUrl: "http://localhost:3000/sign-in",
      resetUrl: "http://localhost:3000/forgot-password",
    },
  };
}

async function row(db: Db, key: string) {
  return db.mailOutbox.findUniqueOrThrow({ where: { key } });
}

describe("over SMTP", () => {
  it("delivers an order confirmation to the buyer, in their language, with a stable Message-ID, once", async () => {
    const { db, url } = database();
    const { event, seatIds } = await organizerEvent(db, { rows: 1, seatsPerRow: 2 });
    const buyer = await db.user.update({
      where: { id: (await makeUser(db)).id },
      data: { locale: "zh-TW" },
    });
    const api = callerFor(db, buyer);
    await api.reservation.hold({ eventId: event.id, seatIds });
    const order = await checkoutAndPay(api, event.id, "smtp-confirmation");

    await runMailJobs(db, url, overSmtp());
    await runMailJobs(db, url, overSmtp());
    const [mail, ...more] = await smtp.waitFor(1);
    expect(more).toEqual([]);
    const key = `order-confirmation:${order.id}`;
    expect(mail?.to).toEqual([buyer.email]);
    expect(mail?.messageId).toBe(messageIdFor(key, defaultSettings.mailFrom));
    expect(mail?.parsed.from?.text).toContain("no-reply@localhost");
    const expected = await renderMail(
      await loadMailData(
        db,
        { kind: "order-confirmation", orderId: order.id },
        { name: buyer.displayName, locale: "zh-TW", userId: buyer.id },
        defaultSettings.publicUrl,
      ),
      "zh-TW",
    );
    expect(mail?.parsed.subject).toBe(expected.subject);
    expect(mail?.parsed.text?.trim()).toBe(expected.text.trim());

    expect(await row(db, key)).toMatchObject({
      status: "SENT",
      attempts: 1,
      lastError: null,
      messageId: mail?.messageId,
    });
  });

  it("carries every ticket as an inline QR code, a PDF that reads back in Chinese, and an .ics", async () => {
    const { db, url } = database();
    const { event, seatIds } = await organizerEvent(db, { rows: 1, seatsPerRow: 2 });
    const title = "五月天 諾亞方舟 台北站";
    await db.event.update({ where: { id: event.id }, data: { title } });
    const buyer = await db.user.update({
      where: { id: (await makeUser(db)).id },
      data: { locale: "zh-TW" },
    });
    const api = callerFor(db, buyer);
    await api.reservation.hold({ eventId: event.id, seatIds });
    const order = await checkoutAndPay(api, event.id, "smtp-attachments");
    const codes = (await db.ticket.findMany({ where: { orderId: order.id } })).map((t) => t.code);
    expect(codes).toHaveLength(2);

    await runMailJobs(db, url, overSmtp());
    const [mail] = await smtp.waitFor(1);
    const parsed = mail?.parsed;
    expect(parsed?.subject).toContain(title);
    expect(parsed?.html).toContain(title);

    // The QR codes, shown inline by cid, decode back to the ticket codes.
    expect(parsed?.html).toContain("data:image/png");
    const images = parsed?.attachments.filter((a) => a.contentType === "image/png") ?? [];
    const decoded = images.map((image) => {
      // Inline (related to the HTML by its cid; mailparser has already put it in place).
      expect(image.cid).toBeTruthy();
      expect(image.contentDisposition).toBe("inline");
      const png = PNG.sync.read(image.content);
      return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
    });
    expect(decoded.sort()).toEqual([...codes].sort());

    // The PDF: one page per ticket, its code and the Chinese title readable as text.
    const pdf = parsed?.attachments.find((a) => a.contentType === "application/pdf");
    expect(pdf?.filename).toBe("tickets.pdf");
    const reader = new PDFParse({ data: new Uint8Array(pdf?.content ?? []) });
    try {
      const text = (await reader.getText()).text;
      // A signed code is long: the PDF sets it over lines.
      const unbroken = text.replace(/\s+/g, "");
      for (const code of codes) expect(unbroken).toContain(code);
      expect(text).toContain(title);
    } finally {
      await reader.destroy();
    }

    const ics = parsed?.attachments.find((a) => a.filename === "event.ics");
    expect(ics?.content.toString("utf8")).toContain(`SUMMARY:${title}`);
  });

  it("delivers the event-changed and event-cancelled notices in each holder's language", async () => {
    const { db, url } = database();
    const { organizer, event, seatIds } = await organizerEvent(db, { rows: 1, seatsPerRow: 2 });
    await db.event.update({ where: { id: event.id }, data: { title: "Spring Gala" } });
    const chinese = await db.user.update({
      where: { id: (await makeUser(db)).id },
      data: { locale: "zh-TW" },
    });
    const english = await makeUser(db);
    for (const [index, buyer] of [chinese, english].entries()) {
      const api = callerFor(db, buyer);
      await api.reservation.hold({ eventId: event.id, seatIds: [seatIds[index] ?? ""] });
      await checkoutAndPay(api, event.id, `smtp-notice-${index}`);
    }
    await runMailJobs(db, url, overSmtp());
    await smtp.waitFor(2); // the order confirmations
    smtp.received.length = 0;
    const subjectTo = (address: string) =>
      smtp.received.find((mail) => mail.to.includes(address))?.parsed.subject;

    const organizerApi = callerFor(db, organizer).organizer.events;
    await organizerApi.update({
      eventId: event.id,
      startsAt: new Date(event.startsAt.getTime() + 86_400_000),
      endsAt: new Date(event.endsAt.getTime() + 86_400_000),
    });
    await runMailJobs(db, url, overSmtp());
    await smtp.waitFor(2);
    expect(subjectTo(chinese.email)).toMatch(/^「Spring Gala」改期至 /);
    expect(subjectTo(english.email)).toMatch(/^Spring Gala has moved to /);

    smtp.received.length = 0;
    await organizerApi.cancel({ eventId: event.id });
    await runMailJobs(db, url, overSmtp());
    await smtp.waitFor(4); // a notice and a refund receipt each
    const cancelled = (address: string) =>
      smtp.received
        .filter(
          (mail) =>
            mail.to.includes(address) &&
            mail.parsed.headers.get("x-openticket-kind") === "event-cancelled",
        )
        .map((mail) => mail.parsed.subject);
    expect(cancelled(chinese.email)).toEqual(["「Spring Gala」已取消"]);
    expect(cancelled(english.email)).toEqual(["Spring Gala is cancelled"]);
  });

  it("erases a reset link's secret from the outbox once the message is sent", async () => {
    const { db, url } = database();
    const user = await makeUser(db);
    const resetUrl = "http://localhost:3000/reset-password/very-secret-token";
    await queueMail(db, {
      key: "password-reset:secret-test",
      to: user.email,
      userId: user.id,
      locale: "en",
      mail: {
        kind: "password-reset",
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
        secret: { url: resetUrl },
      },
    });
    await runMailJobs(db, url, overSmtp());
    const [mail] = await smtp.waitFor(1);
    expect(`${mail?.parsed.text}${mail?.parsed.html}`).toContain(resetUrl);
    const sent = await row(db, "password-reset:secret-test");
    expect(sent.status).toBe("SENT");
    expect(JSON.stringify(sent.payload)).not.toContain("very-secret-token");
    expect(sent.payload).toMatchObject({ kind: "password-reset" });
  });

  it("keeps trying while the SMTP server is down, and delivers once it is back", async () => {
    const { db, url } = database();
    await smtp.stop();
    await queueMail(db, signUpAttempt("down@test.example", "down-then-up"));
    await runMailJobs(db, url, overSmtp());
    const waiting = await row(db, "down-then-up");
    expect(waiting).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(waiting.lastError).toMatch(/ECONNREFUSED/);

    await smtp.start();
    await skipBackoff(db);
    await runMailJobs(db, url, overSmtp());
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual(["down@test.example"]);
    expect(await row(db, "down-then-up")).toMatchObject({
      status: "SENT",
      attempts: 2,
      lastError: null,
    });
  });

  it("marks a message FAILED when its tries run out; an admin sees it and queues it again", async () => {
    const { db, url } = database();
    smtp.refuse = true;
    await queueMail(db, signUpAttempt("refused@test.example", "exhausted"));
    await limitTries(db, "exhausted", 2);
    await runMailJobs(db, url, overSmtp());
    await skipBackoff(db);
    await runMailJobs(db, url, overSmtp());
    const failed = await row(db, "exhausted");
    expect(failed).toMatchObject({ status: "FAILED", attempts: 2 });
    expect(failed.lastError).toMatch(/Try again later/);
    // Its job is done: nothing more runs until someone retries.
    await skipBackoff(db);
    await runMailJobs(db, url, overSmtp());
    expect((await row(db, "exhausted")).attempts).toBe(2);

    const { caller: admin } = await callerWithRole(db, "ADMIN");
    const listed = await admin.admin.mail.outbox({ status: "FAILED" });
    expect(listed.items.map((item) => [item.id, item.toAddress, item.lastError])).toEqual([
      [failed.id, "refused@test.example", failed.lastError],
    ]);
    expect(listed.items[0]).not.toHaveProperty("payload");

    smtp.refuse = false;
    expect(await admin.admin.mail.retry({ mailId: failed.id })).toEqual({
      mailId: failed.id,
      status: "QUEUED",
    });
    expect(await codeOf(admin.admin.mail.retry({ mailId: failed.id }))).toBe("BAD_REQUEST");
    await runMailJobs(db, url, overSmtp());
    const [mail, ...more] = await smtp.waitFor(1);
    expect(more).toEqual([]);
    expect(mail?.to).toEqual(["refused@test.example"]);
    expect(await row(db, "exhausted")).toMatchObject({ status: "SENT", attempts: 3 });
    expect((await admin.admin.mail.outbox({ status: "FAILED" })).items).toEqual([]);
  });
});

describe("the local mailbox (no SMTP_URL)", () => {
  it("keeps each message for the admin page, once, and marks it SENT", async () => {
    const { db, url } = database();
    const user = await makeUser(db);
    await queueMail(db, { ...signUpAttempt(user.email, "local-one"), userId: user.id });
    await runMailJobs(db, url);
    await runMailJobs(db, url);
    expect(smtp.received).toEqual([]);

    const sent = await row(db, "local-one");
    expect(sent.status).toBe("SENT");
    const { caller: admin } = await callerWithRole(db, "ADMIN");
    const box = await admin.admin.mail.mailbox();
    const listed = box.items.filter((item) => item.toAddress === user.email);
    expect(listed).toHaveLength(1);
    const message = await admin.admin.mail.message({ messageId: listed[0]?.id ?? "" });
    expect(message).toMatchObject({
      messageId: sent.messageId,
      to: user.email,
      from: defaultSettings.mailFrom,
    });
    expect(message.subject.length).toBeGreaterThan(0);
    expect(message.text).toContain("http://localhost:3000/forgot-password");
    expect(message.html.length).toBeGreaterThan(0);
  });
});

describe("admin mail procedures", () => {
  it("refuse attendees, organizers and signed-out callers", async () => {
    const { db } = database();
    const someId = "00000000-0000-4000-8000-000000000000";
    for (const role of ["ATTENDEE", "ORGANIZER"] as const) {
      const { caller } = await callerWithRole(db, role);
      expect(await codeOf(caller.admin.mail.outbox())).toBe("FORBIDDEN");
      expect(await codeOf(caller.admin.mail.mailbox())).toBe("FORBIDDEN");
      expect(await codeOf(caller.admin.mail.message({ messageId: someId }))).toBe("FORBIDDEN");
      expect(await codeOf(caller.admin.mail.retry({ mailId: someId }))).toBe("FORBIDDEN");
    }
    expect(await codeOf(callerFor(db, null).admin.mail.outbox())).toBe("UNAUTHORIZED");
    const { caller: admin } = await callerWithRole(db, "ADMIN");
    expect(await codeOf(admin.admin.mail.retry({ mailId: someId }))).toBe("NOT_FOUND");
    expect(await codeOf(admin.admin.mail.message({ messageId: someId }))).toBe("NOT_FOUND");
  });
});
