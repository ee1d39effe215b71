import { esc, nonceOf } from "../../booking/pages/html";
import { getDb } from "../../db/client";
import { isAppError } from "../../errors";
import { clientIp, rateLimitAddress } from "../../security/client-ip";
import { consumeRate } from "../../security/rate-limit";
import { getPublicForm } from "../get-public-form";
import type { FormField, PublicFormDto } from "../schemas";
import { FORM_PAGE_CSS, FORM_PAGE_SCRIPT } from "./form-page-assets";

/**
 * The client's form page at /f/{token}: server-rendered HTML, no app bundle, one nonce'd
 * script (draft in localStorage, the signature canvas, a JSON post to the public API).
 * Rate limited per IP; an unknown, expired or used link reads like any other 404.
 */
export async function formPage(req: Request, token: string): Promise<Response> {
  const nonce = nonceOf(req);
  const v = await consumeRate("api", `ip:${rateLimitAddress(clientIp(req.headers))}`);
  if (!v.allowed) {
    const r = html(
      "Slow down",
      `<h1>Too many requests</h1><p>Please wait ${v.retryAfterSec} seconds.</p>`,
      nonce,
      429,
    );
    r.headers.set("retry-after", String(v.retryAfterSec));
    return r;
  }
  let form: PublicFormDto;
  try {
    form = await getPublicForm((await getDb()).db, token);
  } catch (e) {
    if (isAppError(e) && e.status < 500)
      return html(
        "Form",
        `<h1>Sorry</h1><p>This form link does not exist, has expired or was already used. Please ask for a new link.</p>`,
        nonce,
        e.code === "not_found" ? 404 : e.status,
      );
    throw e;
  }
  const body = `<header>${form.practitioner ? `<p class="muted">${esc(form.practitioner)}</p>` : ""}<h1>${esc(form.name)}</h1>${
    form.description ? `<p class="muted">${esc(form.description)}</p>` : ""
  }</header>
<form id="f" novalidate data-token="${esc(token)}" data-sign="${form.needsSignature ? "1" : ""}">
${form.fields.map(fieldHtml).join("\n")}
${form.needsSignature ? signatureHtml() : ""}
<div class="hp" aria-hidden="true"><label for="website">Website</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
<div id="err" class="error" role="alert" hidden></div>
<button class="btn" type="submit">Send</button>
<p class="muted">Your answers are saved on this device until you send them.</p>
</form>
<div id="done" class="ok" hidden tabindex="-1"><h2>Thank you</h2><p>Your form was sent${form.practitioner ? ` to ${esc(form.practitioner)}` : ""}. You can close this page.</p></div>`;
  return html(form.name, body, nonce, 200, true);
}

function html(title: string, body: string, nonce: string, status: number, script = false): Response {
  const doc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${FORM_PAGE_CSS}</style></head><body><main>${body}</main>${
    script ? `<script nonce="${esc(nonce)}">${FORM_PAGE_SCRIPT}</script>` : ""
  }</body></html>`;
  return new Response(doc, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
    },
  });
}

function fieldHtml(f: FormField): string {
  const id = `q_${f.id}`;
  const req = f.required ? ' <span class="req" aria-hidden="true">*</span>' : "";
  const help = f.help ? `<p class="muted" id="${id}_h">${esc(f.help)}</p>` : "";
  const described = f.help ? ` aria-describedby="${id}_h"` : "";
  const reqAttr = f.required ? " required" : "";
  const wrap = (inner: string) =>
    `<div class="field" data-id="${esc(f.id)}" data-type="${f.type}">${inner}<p class="ferr" id="${id}_e" hidden></p></div>`;
  switch (f.type) {
    case "heading":
      return `<h2>${esc(f.label)}</h2>${help}`;
    case "short_text":
    case "email":
    case "phone":
    case "date": {
      const type = { short_text: "text", email: "email", phone: "tel", date: "date" }[f.type];
      const ac = { short_text: "", email: ' autocomplete="email"', phone: ' autocomplete="tel"', date: "" }[
        f.type
      ];
      return wrap(
        `<label for="${id}">${esc(f.label)}${req}</label>${help}<input id="${id}" name="${esc(f.id)}" type="${type}"${ac}${reqAttr}${described}>`,
      );
    }
    case "long_text":
      return wrap(
        `<label for="${id}">${esc(f.label)}${req}</label>${help}<textarea id="${id}" name="${esc(f.id)}" rows="4"${reqAttr}${described}></textarea>`,
      );
    case "single_choice":
    case "multi_choice": {
      const type = f.type === "single_choice" ? "radio" : "checkbox";
      const opts = f.options
        .map(
          (o, i) =>
            `<label class="check"><input type="${type}" name="${esc(f.id)}" value="${esc(o)}" id="${id}_${i}"> ${esc(o)}</label>`,
        )
        .join("");
      return wrap(`<fieldset${described}><legend>${esc(f.label)}${req}</legend>${help}${opts}</fieldset>`);
    }
    case "checkbox":
      return wrap(
        `<label class="check"><input type="checkbox" id="${id}" name="${esc(f.id)}"${reqAttr}> ${esc(f.label)}${req}</label>${help}`,
      );
    case "scale": {
      const opts: string[] = [];
      for (let n = f.min; n <= f.max; n++)
        opts.push(
          `<label class="pill"><input type="radio" name="${esc(f.id)}" value="${n}"><span>${n}</span></label>`,
        );
      const ends =
        f.minLabel || f.maxLabel
          ? `<p class="muted ends"><span>${esc(f.minLabel)}</span><span>${esc(f.maxLabel)}</span></p>`
          : "";
      return wrap(
        `<fieldset${described}><legend>${esc(f.label)}${req}</legend>${help}<div class="scale">${opts.join("")}</div>${ends}</fieldset>`,
      );
    }
    case "health": {
      const parts = [
        ["conditions", "Conditions, injuries or surgeries"],
        ["allergies", "Allergies"],
        ["medications", "Medications"],
        ["notes", "Anything else about your health"],
      ]
        .map(
          ([k, l]) =>
            `<label for="${id}_${k}">${l}</label><textarea id="${id}_${k}" name="${esc(f.id)}.${k}" rows="2"></textarea>`,
        )
        .join("");
      return wrap(`<fieldset${described}><legend>${esc(f.label)}${req}</legend>${help}${parts}</fieldset>`);
    }
    case "consent":
      return wrap(
        `<h2>${esc(f.label)}</h2><div class="consent">${esc(f.text).replace(/\n/g, "<br>")}</div><label class="check"><input type="checkbox" id="${id}" name="${esc(f.id)}" required> I have read and agree <span class="req" aria-hidden="true">*</span></label>`,
      );
  }
}

function signatureHtml(): string {
  return `<div class="field" data-type="signature"><h2>Signature</h2>
<label for="sig_name">Your full name</label><input id="sig_name" name="sig_name" autocomplete="name" required>
<p class="muted" id="sig_h">Sign with your finger or mouse in the box.</p>
<canvas id="sig" width="600" height="200" aria-label="Signature pad" aria-describedby="sig_h" role="img"></canvas>
<button type="button" class="btn secondary" id="sig_clear">Clear signature</button><p class="ferr" id="sig_e" hidden></p></div>`;
}
